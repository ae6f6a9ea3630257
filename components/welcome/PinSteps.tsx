import { useEffect, useState } from 'preact/hooks';
import { BrandMark } from '../shared/BrandMark';
import { t, type MessageKey } from '@/lib/i18n';

/** Each browser's steps, in its own words for its buttons. */
const STEPS: Record<'firefox' | 'edge' | 'chrome', readonly MessageKey[]> = {
  firefox: ['welcomePinFirefox1', 'welcomePinFirefox2'],
  edge: ['welcomePinEdge1', 'welcomePinEdge2'],
  chrome: ['welcomePinChrome1', 'welcomePinChrome2'],
};

/** The toolbar command that opens the popup (MV3 and Firefox's MV2 name it differently). */
const OPEN_POPUP = new Set(['_execute_action', '_execute_browser_action']);

/** Which browser's steps to show: the build says Firefox; Edge is told apart from Chrome by its user agent. */
function steps(): readonly MessageKey[] {
  if (import.meta.env.FIREFOX) return STEPS.firefox;
  return navigator.userAgent.includes(' Edg/') ? STEPS.edge : STEPS.chrome;
}

export function PinSteps() {
  const shortcut = useShortcut();
  return (
    <section class="welcome-card" aria-labelledby="pin-title">
      <h2 id="pin-title">
        <BrandMark size={16} /> {t('welcomePinTitle')}
      </h2>
      <p class="hint">{t('welcomePinWhy')}</p>
      <ol class="welcome-steps">
        {steps().map((step) => (
          <li key={step}>{t(step)}</li>
        ))}
      </ol>
      {shortcut === undefined ? null : shortcut ? (
        <p>
          {t('welcomePinShortcut')} <kbd>{shortcut}</kbd>
        </p>
      ) : (
        <p class="hint">{t('welcomePinNoShortcut')}</p>
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
