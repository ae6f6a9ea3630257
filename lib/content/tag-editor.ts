import { TAG_LIMITS } from '../limits';
import { completeTag, parseTagList, TAG_SEPARATORS } from '../tags';
import { t } from '../i18n';
import { isUserEvent } from './trust';

/**
 * A card's tag field, inside its closed root: type a tag (several with commas), Enter puts them on;
 * suggestions from the library's tags as you type (the browser's own list, from a datalist); the
 * card's tags each with a button that takes it off. Esc closes it. Keys typed here are the field's:
 * no page shortcut sees them.
 */
export interface TagEditor {
  element: HTMLElement;
  input: HTMLInputElement;
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** Shows the card's tags (each with its remove button). */
  show(tags: readonly string[]): void;
  focus(): void;
}

let editorCount = 0;

export function createTagEditor(
  doc: Document,
  shadow: ShadowRoot,
  options: {
    /** Puts tags on (`value` true) or takes one off. */
    change: (name: string, value: boolean) => void;
    /** The library's tag names, for suggestions (asked once, when the field first opens). */
    names: () => Promise<readonly string[]>;
    onClose: () => void;
  },
): TagEditor {
  const id = ++editorCount;
  const element = doc.createElement('div');
  element.className = 'tag-editor';
  element.id = `shelfmark-tags-${id}`;
  element.hidden = true;
  const input = doc.createElement('input');
  input.type = 'text';
  input.maxLength = TAG_LIMITS.name * 4;
  input.setAttribute('aria-label', t('cardTagsAdd'));
  input.placeholder = t('cardTagsPlaceholder');
  const list = doc.createElement('datalist');
  list.id = `shelfmark-tag-names-${id}`;
  input.setAttribute('list', list.id);
  const chips = doc.createElement('ul');
  chips.className = 'tag-list editing';
  chips.setAttribute('aria-label', t('tags'));
  element.append(input, list, chips);
  shadow.append(element);

  let known: readonly string[] | undefined;
  const suggest = () => {
    // At most a few suggestions, those that start like what is typed (the library may have hundreds).
    const options = completeTag(input.value.split(TAG_SEPARATORS).pop() ?? '', known ?? [], 12).map((name) => {
      const option = doc.createElement('option');
      option.value = name;
      return option;
    });
    list.replaceChildren(...options);
  };

  input.addEventListener('input', (event) => {
    if (isUserEvent(event)) suggest();
  });
  input.addEventListener('keydown', (event) => {
    if (!isUserEvent(event) || event.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      for (const name of parseTagList(input.value)) options.change(name, true);
      input.value = '';
      suggest();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      options.onClose();
    }
  });
  chips.addEventListener('click', (event) => {
    if (!isUserEvent(event)) return;
    const button = (event.composedPath()[0] as Element).closest?.('button[data-tag]') as HTMLButtonElement | null;
    if (button) options.change(button.dataset.tag!, false);
  });
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    element.addEventListener(type, (event) => event.stopPropagation());
  }

  return {
    element,
    input,
    get open() {
      return !element.hidden;
    },
    setOpen(open) {
      element.hidden = !open;
      if (open && !known) {
        void options.names().then((names) => {
          known = names;
          suggest();
        }, () => undefined);
      }
    },
    show(tags) {
      chips.replaceChildren(
        ...tags.map((name) => {
          const item = doc.createElement('li');
          const text = doc.createElement('span');
          text.textContent = name;
          const remove = doc.createElement('button');
          remove.type = 'button';
          remove.dataset.tag = name;
          remove.textContent = '×';
          remove.setAttribute('aria-label', t('tagRemove', name));
          item.append(text, remove);
          return item;
        }),
      );
    },
    focus() {
      input.focus();
    },
  };
}
