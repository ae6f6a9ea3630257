import type { PaperState, UserAction } from '../store/library';
import type { PaperId } from '../paper';
import type { NoteEditor } from './note-editor';
import { NO_STATE, valueOf } from './paper-states';
import { attachClosedRoot } from './shadow';
import { CONTROLS_CSS } from './styles';
import { actionTime, isUserEvent } from './trust';
import { joinList, t, type MessageKey } from '../i18n';
import type { TagEditor } from './tag-editor';
import type { ContentExtras, ExtrasSource } from './extras';

/**
 * The controls of one card: a light host element carrying `data-shelfmark-id` (the page contract)
 * with a closed shadow root holding the buttons, their states and the note editor. The page sees
 * the host and nothing else: no state, no note, no preview (see shadow.ts). The host is placed in
 * every card at once (empty, it keeps the controls' room, so nothing moves when they come; where
 * they end a line of text, which they leave as tall as it was, only with them: annotator.ts); the
 * buttons are built, from one template, only for cards near the viewport (the annotator decides).
 */

export type ToggleKind = 'star' | 'read' | 'queue';

interface ToggleSpec {
  kind: ToggleKind;
  /** The accessible name (a key of the catalogues): constant, the state is in aria-pressed. */
  label: MessageKey;
  /** The visible tooltip for each state: what a click does now. */
  offTip: MessageKey;
  onTip: MessageKey;
  /** The key that does the same on the current card (lib/content/keyboard.ts). */
  key: string;
  /** 24×24 SVG path(s): outline when off, filled when on (by CSS). */
  icon: string;
}

export const TOGGLES: readonly ToggleSpec[] = [
  {
    kind: 'star',
    label: 'controlStar',
    offTip: 'cardStarOff',
    onTip: 'cardStarOn',
    key: 's',
    icon: 'M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.85L12 16.9l-5.25 2.75 1-5.85L3.5 9.7l5.9-.9z',
  },
  {
    kind: 'read',
    label: 'controlMarkRead',
    offTip: 'cardReadOff',
    onTip: 'cardReadOn',
    key: 'r',
    icon: 'M4.5 12.5l4.5 4.5 10.5-10.5',
  },
  {
    kind: 'queue',
    label: 'controlAddToQueue',
    offTip: 'cardQueueOff',
    onTip: 'cardQueueOn',
    key: 'q',
    icon: 'M4 6h11M4 12h11M4 18h7M18 14v8M14 18h8',
  },
];

/**
 * The Note button: its accessible name, key, tooltips, and its icon: a sticky note with a pencil
 * across it (a plain sheet read as "file"); the pencil fills in when there is a note.
 */
const NOTE_LABEL: MessageKey = 'controlNote';
const NOTE_KEY = 'n';
const NOTE_EMPTY_TIP: MessageKey = 'cardNoteEmpty';
const NOTE_TIP: MessageKey = 'cardNoteOpen';
const NOTE_ICON = 'M14 20.5H5.5a2 2 0 0 1-2-2v-13a2 2 0 0 1 2-2h13a2 2 0 0 1 2 2V11 M7.5 8.5h8M7.5 12h5';
const NOTE_PENCIL = 'M19.2 13.3l2 2-6.4 6.4-2.8.8.8-2.8z';
/** The longest first line a card shows (CSS ellipsis cuts it to the room there is). */
const FIRST_LINE_CHARS = 200;
/** The Tag button: a label tag; the card's first tags beside it (the rest as "+N"). */
const TAG_LABEL: MessageKey = 'controlTag';
const TAG_KEY = 't';
const TAG_TIP: MessageKey = 'tags';
const TAG_ICON = 'M3.5 12.5V4.5h8l9 9-8 8zM8 8.5h.01';
const TAGS_SHOWN = 4;

export interface CardControls {
  readonly id: PaperId;
  /** The element placed in the card (the control root of the page contract). */
  readonly root: HTMLElement;
  readonly noteOpen: boolean;
  /** The element focused inside the controls, if any. */
  readonly activeElement: Element | null;
  update(state: PaperState): void;
  /** Shows that saving failed ("Not saved: …", in plain words) until clearError. */
  showError(message: string): void;
  clearError(): void;
  /** Opens the note editor and puts the cursor in it. */
  openNote(): void;
  readonly tagsOpen: boolean;
  /** Opens the tag field and puts the cursor in it. */
  openTags(): void;
  /** Closes the tag field; focus goes back to the Tag button. */
  closeTags(): void;
  /** Closes the note editor, keeping and saving its text; focus goes back to the Note button. */
  closeNote(): void;
  /** Saves the note's unsaved text now (`urgent`: the page is going away, do not wait). */
  flushNote(urgent?: boolean): void;
  /** Moves keyboard focus to these controls, naming the paper for screen readers. */
  focus(paperTitle?: string): void;
}

/** Carries out an action; resolves true once it is saved, false when it was not (never rejects). */
export type ActionHandler = (action: UserAction) => Promise<boolean>;

let template: HTMLTemplateElement | undefined;

/** An inline 24×24 SVG icon of our own paths (never page text), hidden from screen readers. */
export function icon(doc: Document, paths: readonly [string, string?][]): SVGSVGElement {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  for (const [d, className] of paths) {
    const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    if (className) path.setAttribute('class', className);
    svg.append(path);
  }
  return svg;
}

/** A button of the card's bar: its kind, tooltip, accessible name, key and icon; not pressed. */
function barButton(doc: Document, kind: string, tip: string, label: string, key: string, paths: readonly [string, string?][]): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `toggle ${kind}`;
  button.dataset.kind = kind;
  button.dataset.tip = tip;
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-keyshortcuts', key);
  button.append(icon(doc, paths));
  return button;
}

function controlsTemplate(doc: Document): HTMLTemplateElement {
  if (template && template.ownerDocument === doc) return template;
  template = doc.createElement('template');
  const style = doc.createElement('style');
  style.textContent = CONTROLS_CSS;
  // Switched on while the note editor is open: the controls take a line of their own, even where
  // they sit in a line of text (arXiv's id line). Inside the root, so the page sees no attribute.
  const noteOpenStyle = doc.createElement('style');
  noteOpenStyle.media = 'not all';
  // (And their height: in a line, they take none: lib/sites/place.ts.)
  noteOpenStyle.textContent = ':host { display: block !important; margin-block: 4px !important; }';
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.tabIndex = -1;
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Shelfmark');
  for (const toggle of TOGGLES) bar.append(barButton(doc, toggle.kind, t(toggle.offTip), t(toggle.label), toggle.key, [[toggle.icon]]));
  // Pressed while the editor is open; whether there is a note shows in the icon and the first line.
  const note = barButton(doc, 'note', t(NOTE_EMPTY_TIP), t(NOTE_LABEL), NOTE_KEY, [[NOTE_ICON], [NOTE_PENCIL, 'pencil']]);
  // The note's first line describes the button for screen readers (ids are scoped to this root).
  note.setAttribute('aria-describedby', 'first-line');
  // The note's first line on the card; a click opens the whole note (the Note button does from the keyboard).
  const firstLine = doc.createElement('span');
  firstLine.className = 'first-line';
  firstLine.id = 'first-line';
  firstLine.dataset.kind = 'note';
  firstLine.hidden = true;
  // Pressed while the tag field is open; the card's tags describe it.
  const tag = barButton(doc, 'tag', t(TAG_TIP), t(TAG_LABEL), TAG_KEY, [[TAG_ICON]]);
  tag.setAttribute('aria-describedby', 'card-tags');
  // The card's tags, compact (text only, inside the closed root).
  const tags = doc.createElement('span');
  tags.className = 'tags';
  tags.id = 'card-tags';
  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  bar.append(note, tag, tags, firstLine, status);
  template.content.append(style, noteOpenStyle, bar);
  return template;
}

/** The control root of a card, empty: it keeps the controls' room until they are built in it. */
export function createControlRoot(doc: Document, id: PaperId): HTMLElement {
  const root = doc.createElement('shelfmark-controls');
  root.className = 'shelfmark-root';
  root.dataset.shelfmarkId = id;
  return root;
}

/**
 * Builds the controls in `root` (from createControlRoot), showing `state` when known. The note and
 * tag editors come from `extras` (loaded the first time one opens); `tagNames` gives the library's
 * tags for the tag field's suggestions.
 */
export function createControls(
  root: HTMLElement,
  onAction: ActionHandler,
  extras: ExtrasSource,
  state?: PaperState,
  tagNames: () => Promise<readonly string[]> = async () => [],
): CardControls {
  const doc = root.ownerDocument;
  const id = root.dataset.shelfmarkId!;
  const shadow = attachClosedRoot(root);
  const content = controlsTemplate(doc).content.cloneNode(true) as DocumentFragment;
  // The template's shape is known: [style, note-open style, bar], bar = [one button per toggle, note, tag, tags, first line, status].
  const [, noteOpenStyle, bar] = [...content.children] as [HTMLStyleElement, HTMLStyleElement, HTMLElement];
  const parts = bar.children;
  const buttons = new Map<ToggleKind, HTMLButtonElement>(TOGGLES.map((toggle, i) => [toggle.kind, parts[i] as HTMLButtonElement]));
  const noteButton = parts[TOGGLES.length] as HTMLButtonElement;
  const tagButton = parts[TOGGLES.length + 1] as HTMLButtonElement;
  const tagChips = parts[TOGGLES.length + 2] as HTMLElement;
  const firstLine = parts[TOGGLES.length + 3] as HTMLElement;
  const status = parts[TOGGLES.length + 4] as HTMLElement;
  shadow.append(content);
  const tooltip = new Tooltip(shadow, bar);
  /** The state shown: the template shows a paper with none (most of a listing's papers keep it). */
  let current: PaperState = NO_STATE;
  let editor: NoteEditor | undefined;
  let tagEditor: TagEditor | undefined;
  /** An editor could not be loaded: the status says so (under any failed save's message) until one opens. */
  let unavailable = false;
  /** What to open once the extras have loaded, while they load. */
  let waiting: ((loaded: ContentExtras, typed: string) => void) | null = null;
  /**
   * Runs `open` with the editors' makers: at once once the extras are loaded, else when they are (a
   * failure shows on the card). Meanwhile the keys typed in the controls are the editor's: kept from
   * the page and from the shortcuts, and given to `open` to put in the field it opens.
   */
  const withEditors = (open: (loaded: ContentExtras, typed: string) => void) => {
    const loaded = extras.loaded();
    if (loaded) return open(loaded, '');
    // Asked again while they load (a second click): the last request is the one carried out.
    const asked = waiting !== null;
    waiting = open;
    if (asked) return;
    let typed = '';
    const keep = (pressed: Event) => {
      const event = pressed as KeyboardEvent;
      if (!isUserEvent(event) || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (event.type === 'keydown' && event.key.length === 1) typed += event.key;
      else if (event.type === 'keydown') return;
      event.preventDefault();
      event.stopPropagation();
    };
    const stopKeeping = () => {
      for (const type of ['keydown', 'keypress'] as const) shadow.removeEventListener(type, keep, true);
    };
    for (const type of ['keydown', 'keypress'] as const) shadow.addEventListener(type, keep, true);
    extras.load().then(
      (now) => {
        stopKeeping();
        if (unavailable) controls.clearError();
        unavailable = false;
        const run = waiting!;
        waiting = null;
        run(now, typed);
      },
      () => {
        stopKeeping();
        waiting = null;
        unavailable = true;
        // A failed save's message stays: this one shows once it is cleared.
        if (!status.textContent) controls.clearError();
      },
    );
  };
  const tagField = ({ createTagEditor }: ContentExtras): TagEditor => {
    tagEditor ??= createTagEditor(doc, shadow, {
      change: (name, value) => void onAction({ kind: 'tag', name, value, at: actionTime() }),
      names: tagNames,
      onClose: () => controls.closeTags(),
    });
    tagButton.setAttribute('aria-controls', tagEditor.element.id);
    return tagEditor;
  };
  /**
   * Opens or closes an editor (the note's, the tags'): its button pressed while it is open, the
   * controls on a line of their own while either is; closing gives the focus back to the button.
   */
  const setEditorOpen = (opened: { setOpen(open: boolean): void; focus(): void; element: HTMLElement }, button: HTMLButtonElement, open: boolean) => {
    const hadFocus = opened.element.contains(shadow.activeElement);
    opened.setOpen(open);
    noteOpenStyle.media = editor?.open || tagEditor?.open ? 'all' : 'not all';
    button.setAttribute('aria-pressed', String(open));
    if (open) opened.focus();
    else if (hadFocus) button.focus();
  };

  const noteEditor = ({ createNoteEditor }: ContentExtras): NoteEditor => {
    editor ??= createNoteEditor(doc, shadow, {
      save: (text, at) => onAction({ kind: 'note', text, at }),
      onClose: () => controls.closeNote(),
    });
    noteButton.setAttribute('aria-controls', editor.element.id);
    return editor;
  };

  // One listener per card, inside the closed root (outside it, the event's path hides our buttons).
  // Every click inside the controls stops here: cards often have a link or a single-page-app router
  // listening above, which must not see our clicks. Only the user's clicks act.
  shadow.addEventListener('click', (event) => {
    if (!isUserEvent(event)) return;
    event.stopPropagation();
    const target = event.composedPath()[0];
    const button = target instanceof Element ? (target.closest('[data-kind]') as HTMLElement | null) : null;
    if (!button) return;
    event.preventDefault();
    tooltip.hide();
    const kind = button.dataset.kind as ToggleKind | 'note' | 'tag';
    if (kind === 'note') {
      if (controls.noteOpen) controls.closeNote();
      else controls.openNote();
      return;
    }
    if (kind === 'tag') {
      if (controls.tagsOpen) controls.closeTags();
      else controls.openTags();
      return;
    }
    // The value the user saw and meant: the opposite of what the button showed when clicked.
    void onAction({ kind, value: button.getAttribute('aria-pressed') !== 'true', at: actionTime() });
  });

  const controls: CardControls = {
    id,
    root,
    get noteOpen() {
      return editor?.open ?? false;
    },
    get activeElement() {
      return shadow.activeElement;
    },
    update(state) {
      if (sameState(current, state)) return;
      current = state;
      for (const toggle of TOGGLES) {
        const on = toggleValue(state, toggle.kind);
        const button = buttons.get(toggle.kind)!;
        button.setAttribute('aria-pressed', String(on));
        button.dataset.tip = t(on ? toggle.onTip : toggle.offTip);
      }
      const line = noteFirstLine(state.note);
      noteButton.toggleAttribute('data-has-note', line !== '');
      noteButton.dataset.tip = t(line ? NOTE_TIP : NOTE_EMPTY_TIP);
      firstLine.textContent = line;
      firstLine.hidden = line === '' || controls.noteOpen;
      tagChips.replaceChildren(
        ...state.tags.slice(0, TAGS_SHOWN).map((name) => {
          const chip = doc.createElement('span');
          chip.className = 'tag-chip';
          chip.textContent = name;
          return chip;
        }),
      );
      if (state.tags.length > TAGS_SHOWN) tagChips.append(`+${state.tags.length - TAGS_SHOWN}`);
      if (state.tags.length) tagChips.setAttribute('aria-label', t('cardTagsLabel', joinList(state.tags)));
      else tagChips.removeAttribute('aria-label');
      tooltip.refresh();
      editor?.show(state.note);
      tagEditor?.show(state.tags);
    },
    showError(message) {
      status.textContent = message;
    },
    clearError() {
      status.textContent = unavailable ? t('cardEditorUnavailable') : '';
    },
    openNote() {
      withEditors((loaded, typed) => {
        const opened = noteEditor(loaded);
        opened.show(current.note);
        // The whole note is in the editor now.
        firstLine.hidden = true;
        setEditorOpen(opened, noteButton, true);
        if (typed) opened.type(typed);
      });
    },
    closeNote() {
      if (!editor?.open) return;
      editor.draft.flush();
      firstLine.hidden = firstLine.textContent === '';
      setEditorOpen(editor, noteButton, false);
    },
    get tagsOpen() {
      return tagEditor?.open ?? false;
    },
    openTags() {
      withEditors((loaded, typed) => {
        const opened = tagField(loaded);
        opened.show(current.tags);
        setEditorOpen(opened, tagButton, true);
        opened.input.value += typed;
      });
    },
    closeTags() {
      if (tagEditor?.open) setEditorOpen(tagEditor, tagButton, false);
    },
    flushNote(urgent = false) {
      editor?.draft.flush(urgent);
    },
    focus(paperTitle) {
      bar.setAttribute('aria-label', paperTitle ? t('cardControlsOf', paperTitle) : 'Shelfmark');
      bar.focus({ preventScroll: true });
    },
  };
  if (state) controls.update(state);
  return controls;
}

/** A note's first line with words in it, for the card; '' when there is no note. */
export function noteFirstLine(note: string): string {
  const line = note.split('\n').find((candidate) => candidate.trim() !== '')?.trim() ?? '';
  return line.length > FIRST_LINE_CHARS ? `${line.slice(0, FIRST_LINE_CHARS).trimEnd()}…` : line;
}

/**
 * The visible tooltip of the card's buttons: what a click does and its key, on hover and on
 * keyboard focus. A popover in the top layer, so a card's `overflow: hidden` (Hugging Face's) does
 * not cut it; inside the closed root, so the page cannot read it. Built the first time it shows.
 */
class Tooltip {
  private element?: HTMLElement;
  private text?: HTMLElement;
  private key?: HTMLElement;
  private target?: HTMLElement;
  private readonly onScroll = () => this.hide();

  constructor(
    private readonly shadow: ShadowRoot,
    bar: HTMLElement,
  ) {
    bar.addEventListener('pointerover', (event) => {
      const button = buttonOf(event.target);
      if (button && button !== this.target) this.show(button);
    });
    bar.addEventListener('pointerout', (event) => {
      if (buttonOf(event.relatedTarget) !== this.target) this.hide();
    });
    bar.addEventListener('focusin', (event) => {
      const button = buttonOf(event.target);
      if (button?.matches(':focus-visible')) this.show(button);
    });
    bar.addEventListener('focusout', () => this.hide());
  }

  /** Shows the current text of the button it is on (its state changed). */
  refresh(): void {
    if (this.target) this.show(this.target);
  }

  hide(): void {
    if (!this.target) return;
    this.target = undefined;
    if (this.element?.matches(':popover-open')) this.element.hidePopover();
    removeEventListener('scroll', this.onScroll, true);
  }

  private show(button: HTMLElement): void {
    const element = this.element ?? this.build(button.ownerDocument);
    if (typeof element.showPopover !== 'function') return; // no popover API (not a browser Shelfmark supports)
    this.target = button;
    this.text!.textContent = button.dataset.tip ?? '';
    this.key!.textContent = button.getAttribute('aria-keyshortcuts')?.toUpperCase() ?? '';
    if (!element.matches(':popover-open')) element.showPopover();
    const box = button.getBoundingClientRect();
    const room = document.documentElement.clientWidth - element.offsetWidth - 4;
    element.style.left = `${Math.max(4, Math.min(box.left, room))}px`;
    element.style.top = `${box.bottom + 6}px`;
    // The tooltip is placed for where the button is: a scroll moves the button, so it goes.
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  private build(doc: Document): HTMLElement {
    const element = doc.createElement('div');
    element.className = 'tip';
    element.setAttribute('role', 'tooltip');
    element.popover = 'manual';
    this.text = doc.createElement('span');
    this.key = doc.createElement('kbd');
    element.append(this.text, this.key);
    this.shadow.append(element);
    return (this.element = element);
  }
}

function buttonOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('button[data-tip]') as HTMLElement | null) : null;
}

export function toggleValue(state: PaperState, kind: ToggleKind): boolean {
  return valueOf(state, kind) as boolean;
}

function sameState(a: PaperState, b: PaperState): boolean {
  return a.starred === b.starred && a.read === b.read && a.queued === b.queued && a.note === b.note && a.tags.join('\n') === b.tags.join('\n');
}
