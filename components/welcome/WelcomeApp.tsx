import type { ShelfmarkDB } from '@/lib/store/db';
import { ImportPanel } from '../options/ImportPanel';
import { BrandMark } from '../shared/BrandMark';
import { FeaturePictures } from './FeaturePictures';
import { KeysSummary } from './KeysSummary';
import { PinSteps } from './PinSteps';
import { PrivacyPromise } from './PrivacyPromise';
import { t } from '@/lib/i18n';


/** The first-run page, opened once when Shelfmark is installed (lib/background/first-run.ts) and linked from the options page. */
export function WelcomeApp({ db }: { db: ShelfmarkDB }) {
  return (
    <div class="welcome-page">
      <header class="welcome-header">
        <BrandMark size={48} />
        <div>
          <h1>{t('welcomeTitle')}</h1>
          <p class="welcome-lead">{t('welcomeLead')}</p>
          <p class="welcome-try">
            {t('welcomeTryIt')} <a href="https://huggingface.co/papers">{t('welcomeTryHuggingFace')}</a> {t('welcomeTryOr')}{' '}
            <a href="https://arxiv.org/list/cs.CL/new">{t('welcomeTryArxiv')}</a>
            {t('welcomeTryEnd')}
          </p>
        </div>
      </header>
      <FeaturePictures />
      <div class="welcome-grid">
        <PinSteps />
        <KeysSummary />
        <ImportPanel db={db} />
        <PrivacyPromise />
      </div>
      <footer class="welcome-footer">
        <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('welcomeOpenLibrary')}
        </button>
        <span class="hint">{t('welcomeOpenLibraryHint')}</span>
      </footer>
    </div>
  );
}
