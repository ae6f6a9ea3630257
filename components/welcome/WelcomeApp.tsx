import type { ShelfmarkDB } from '@/lib/store/db';
import { ImportPanel } from '../options/ImportPanel';
import { BrandMark } from '../shared/BrandMark';
import { FeaturePictures } from './FeaturePictures';
import { KeysSummary } from './KeysSummary';
import { PinSteps } from './PinSteps';
import { PrivacyPromise } from './PrivacyPromise';

const TEXT = {
  title: 'Shelfmark is ready',
  lead: 'Star, queue and annotate research papers where you find them: on arXiv, Hugging Face papers, the ACL Anthology, dblp, Google Scholar, OpenReview and CVF. Open a listing and every paper has its buttons.',
  tryIt: 'Try it on',
  huggingFace: 'Hugging Face daily papers',
  arxiv: 'arXiv’s newest cs.CL papers',
  or: 'or',
  library: 'Open the library',
  libraryHint: 'all your papers, export and settings; this page is linked from there.',
} as const;

/** The first-run page, opened once when Shelfmark is installed (lib/background/first-run.ts) and linked from the options page. */
export function WelcomeApp({ db }: { db: ShelfmarkDB }) {
  return (
    <div class="welcome-page">
      <header class="welcome-header">
        <BrandMark size={48} />
        <div>
          <h1>{TEXT.title}</h1>
          <p class="welcome-lead">{TEXT.lead}</p>
          <p class="welcome-try">
            {TEXT.tryIt} <a href="https://huggingface.co/papers">{TEXT.huggingFace}</a> {TEXT.or}{' '}
            <a href="https://arxiv.org/list/cs.CL/new">{TEXT.arxiv}</a>.
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
          {TEXT.library}
        </button>
        <span class="hint">{TEXT.libraryHint}</span>
      </footer>
    </div>
  );
}
