import { SHORTCUTS } from '@/lib/content/keyboard';

const TEXT = {
  title: 'The keys',
  listing: 'On a listing (never while you type in a field):',
  popup: 'In the popup: ↑ ↓ or j k to move, Enter to open, r s x to mark read, star or remove, / to search.',
  shift: 'Shift',
} as const;

/** A capital letter in SHORTCUTS is typed with Shift: say so, as the page's shortcuts panel does. */
function keyLabel(key: string): string {
  return key.length === 1 && key !== key.toLowerCase() ? `${TEXT.shift}+${key}` : key;
}

/** The listing shortcuts, from the same table the content script obeys, and the popup's essentials. */
export function KeysSummary() {
  return (
    <section class="welcome-card" aria-labelledby="keys-title">
      <h2 id="keys-title">{TEXT.title}</h2>
      <p class="hint">{TEXT.listing}</p>
      <dl class="welcome-keys">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key}>
            <dt>
              <kbd>{keyLabel(shortcut.key)}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">{TEXT.popup}</p>
    </section>
  );
}
