import { useEffect, useState } from 'preact/hooks';
import { BrandMark } from '../shared/BrandMark';

const TEXT = {
  title: 'Pin the toolbar button',
  why: 'The button opens your reading queue; its badge counts the papers in it.',
  firefox: [
    'Click the Extensions button (the puzzle piece) at the right of the toolbar.',
    'Click the gear beside Shelfmark, then “Pin to Toolbar”.',
  ],
  edge: ['Click the Extensions button (the puzzle piece) beside the address bar.', 'Click the eye beside Shelfmark: “Show in toolbar”.'],
  chrome: ['Click the Extensions button (the puzzle piece) beside the address bar.', 'Click the pin beside Shelfmark.'],
  shortcut: 'Or open the queue from the keyboard:',
  noShortcut: 'A keyboard shortcut can be set in the browser’s extension shortcuts.',
} as const;

/** The toolbar command that opens the popup (MV3 and Firefox's MV2 name it differently). */
const OPEN_POPUP = new Set(['_execute_action', '_execute_browser_action']);

/** Which browser's steps to show: the build says Firefox; Edge is told apart from Chrome by its user agent. */
function steps(): readonly string[] {
  if (import.meta.env.FIREFOX) return TEXT.firefox;
  return navigator.userAgent.includes(' Edg/') ? TEXT.edge : TEXT.chrome;
}

export function PinSteps() {
  const shortcut = useShortcut();
  return (
    <section class="welcome-card" aria-labelledby="pin-title">
      <h2 id="pin-title">
        <BrandMark size={16} /> {TEXT.title}
      </h2>
      <p class="hint">{TEXT.why}</p>
      <ol class="welcome-steps">
        {steps().map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {shortcut === undefined ? null : shortcut ? (
        <p>
          {TEXT.shortcut} <kbd>{shortcut}</kbd>
        </p>
      ) : (
        <p class="hint">{TEXT.noShortcut}</p>
      )}
    </section>
  );
}

/** The shortcut the user has now (they may have changed or removed ours), '' when none; undefined while asking. */
function useShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    browser.commands
      .getAll()
      .then((commands) => setShortcut(commands.find((command) => OPEN_POPUP.has(command.name ?? ''))?.shortcut ?? ''))
      .catch(() => setShortcut(''));
  }, []);
  return shortcut;
}
