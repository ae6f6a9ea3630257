import { SHORTCUTS } from '@/lib/content/keyboard';
import { SHORTCUT_DESCRIPTIONS } from '@/lib/content/shortcuts-panel';
import { t } from '@/lib/i18n';


/** A capital letter in SHORTCUTS is typed with Shift: say so, as the page's shortcuts panel does. */
function keyLabel(key: string): string {
  return key.length === 1 && key !== key.toLowerCase() ? `Shift+${key}` : key;
}

/** The listing shortcuts, from the same table the content script obeys, and the popup's essentials. */
export function KeysSummary() {
  return (
    <section class="welcome-card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('welcomeKeysTitle')}</h2>
      <p class="hint">{t('welcomeKeysListing')}</p>
      <dl class="welcome-keys">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key}>
            <dt>
              <kbd>{keyLabel(shortcut.key)}</kbd>
            </dt>
            <dd>{t(SHORTCUT_DESCRIPTIONS[shortcut.command])}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('welcomeKeysPopup')}</p>
    </section>
  );
}
