import type { PaperState, UserAction } from '../library';
import type { PaperId } from '../paper';
import { CONTROLS_CSS } from './styles';

/**
 * The controls of one card: a light host element carrying `data-shelfmark-id` (the page contract)
 * with a shadow root, so the host page's styles cannot reach in and ours cannot leak out.
 * Plain DOM, cloned from one template: a listing may have 2,000 cards.
 */

export type ToggleKind = 'star' | 'read' | 'queue';

interface ToggleSpec {
  kind: ToggleKind;
  /** The accessible name: constant, the state is in aria-pressed. */
  label: string;
  /** Tooltip for each state. */
  offTitle: string;
  onTitle: string;
  /** 24×24 SVG path(s): outline when off, filled when on (by CSS). */
  icon: string;
}

export const TOGGLES: readonly ToggleSpec[] = [
  {
    kind: 'star',
    label: 'Star',
    offTitle: 'Star this paper',
    onTitle: 'Starred: click to unstar',
    icon: 'M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.85L12 16.9l-5.25 2.75 1-5.85L3.5 9.7l5.9-.9z',
  },
  {
    kind: 'read',
    label: 'Mark read',
    offTitle: 'Mark as read',
    onTitle: 'Read: click to mark unread',
    icon: 'M4.5 12.5l4.5 4.5 10.5-10.5',
  },
  {
    kind: 'queue',
    label: 'Add to queue',
    offTitle: 'Add to reading queue',
    onTitle: 'In your queue: click to remove',
    icon: 'M4 6h11M4 12h11M4 18h7M18 14v8M14 18h8',
  },
];

export interface CardControls {
  readonly id: PaperId;
  /** The element placed in the card (the control root of the page contract). */
  readonly root: HTMLElement;
  update(state: PaperState): void;
  /** Shows that saving failed, with the reason, until the next update. */
  showError(message: string): void;
}

export type ActionHandler = (action: UserAction) => void;

let template: HTMLTemplateElement | undefined;

function controlsTemplate(doc: Document): HTMLTemplateElement {
  if (template && template.ownerDocument === doc) return template;
  template = doc.createElement('template');
  const style = doc.createElement('style');
  style.textContent = CONTROLS_CSS;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Shelfmark');
  for (const toggle of TOGGLES) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = `toggle ${toggle.kind}`;
    button.dataset.kind = toggle.kind;
    button.setAttribute('aria-label', toggle.label);
    button.setAttribute('aria-pressed', 'false');
    button.title = toggle.offTitle;
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', toggle.icon);
    svg.append(path);
    button.append(svg);
    bar.append(button);
  }
  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  bar.append(status);
  template.content.append(style, bar);
  return template;
}

export function createControls(doc: Document, id: PaperId, onAction: ActionHandler): CardControls {
  const root = doc.createElement('shelfmark-controls');
  root.className = 'shelfmark-root';
  root.dataset.shelfmarkId = id;
  const shadow = root.attachShadow({ mode: 'open' });
  shadow.append(controlsTemplate(doc).content.cloneNode(true));
  const buttons = new Map<ToggleKind, HTMLButtonElement>();
  for (const button of shadow.querySelectorAll<HTMLButtonElement>('button[data-kind]')) {
    buttons.set(button.dataset.kind as ToggleKind, button);
  }
  const status = shadow.querySelector<HTMLElement>('.status')!;
  let current: PaperState | undefined;

  shadow.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.('button[data-kind]') as HTMLButtonElement | null;
    if (!button) return;
    // Keep the host page's own handlers (card links, SPA routers) from seeing our clicks.
    event.preventDefault();
    event.stopPropagation();
    const kind = button.dataset.kind as ToggleKind;
    onAction({ kind, value: button.getAttribute('aria-pressed') !== 'true' });
  });
  // Clicks inside a card often bubble to a link or a router on the card: stop them at our root.
  root.addEventListener('click', (event) => event.stopPropagation());

  return {
    id,
    root,
    update(state) {
      if (current && sameState(current, state)) return;
      current = state;
      status.textContent = '';
      root.toggleAttribute('data-error', false);
      for (const toggle of TOGGLES) {
        const on = toggleValue(state, toggle.kind);
        const button = buttons.get(toggle.kind)!;
        button.setAttribute('aria-pressed', String(on));
        button.title = on ? toggle.onTitle : toggle.offTitle;
      }
    },
    showError(message) {
      current = undefined;
      root.toggleAttribute('data-error', true);
      status.textContent = `Not saved: ${message}`;
    },
  };
}

export function toggleValue(state: PaperState, kind: ToggleKind): boolean {
  switch (kind) {
    case 'star':
      return state.starred;
    case 'read':
      return state.read;
    case 'queue':
      return state.queued;
  }
}

function sameState(a: PaperState, b: PaperState): boolean {
  return a.starred === b.starred && a.read === b.read && a.queued === b.queued && a.note === b.note;
}
