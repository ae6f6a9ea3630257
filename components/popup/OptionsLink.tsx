import '../shared/outline-button.css';
import './OptionsLink.css';

/** Opens the options page: the whole library, export, import and settings. */
export function OptionsLink() {
  return (
    <button
      type="button"
      class="outline-button options-link"
      title="All papers, export, import and settings"
      onClick={() => void browser.runtime.openOptionsPage()}
    >
      Library
    </button>
  );
}
