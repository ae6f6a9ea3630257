import '../shared/outline-button.css';
import './OptionsLink.css';
import { t } from '@/lib/i18n';

/** Opens the options page: the whole library, export, import and settings. */
export function OptionsLink() {
  return (
    <button
      type="button"
      class="outline-button options-link"
      title={t('popupLibraryTitle')}
      onClick={() => void browser.runtime.openOptionsPage()}
    >
      {t('popupLibrary')}
    </button>
  );
}
