import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { PaperRecord } from '@/lib/store/db';
import type { PaperId } from '@/lib/paper';

/** Where a dragged paper lands relative to the row under the pointer. */
export type DropSide = 'before' | 'after';

interface PaperListProps {
  id: string;
  label: string;
  /** What the list holds (a search's query): when it changes, the list starts again at its top. */
  contents: string;
  total: number;
  /** The paper at an index, once its block is read; undefined while it loads. */
  rowAt(index: number): PaperRecord | undefined;
  renderRow(paper: PaperRecord, index: number): ComponentChildren;
  /** The row that has the keyboard (roving tabindex). */
  active: number;
  /**
   * A new request (n changes) scrolls to `index` and focuses its row; with `id`, the row of that
   * paper once it is at `index` (a paper being moved is still at its old place until the data comes).
   */
  focusRequest: { n: number; index: number; id?: PaperId };
  onActiveChange(index: number): void;
  /** The first and last index on screen (with a few rows of margin). */
  onVisibleChange(first: number, last: number): void;
  /** Drag to reorder, when the view allows it. */
  onReorder?: (move: { id: PaperId; from: number; anchorId: PaperId; anchor: number; side: DropSide }) => void;
}

/** Rows start at this height until measured; most rows are close to it. */
const estimateRowSize = () => 96;

/**
 * A row's height as the ResizeObserver reports it after the browser's own layout, never asked for:
 * reading offsetHeight as each new row mounts forced a layout per row, the largest cost of a key
 * typed. Until its report (before the frame is painted), a row keeps its last or estimated height.
 */
function rowSize(element: HTMLLIElement, entry: ResizeObserverEntry | undefined, virtualizer: Virtualizer<HTMLDivElement, HTMLLIElement>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  return virtualizer.itemSizeCache.get(virtualizer.options.getItemKey(virtualizer.indexFromElement(element))) ?? estimateRowSize();
}
const DRAG_TYPE = 'application/x-shelfmark-id';

/**
 * The list of papers, virtualised with @tanstack/virtual-core: only the rows on screen (and a
 * few around them) are in the DOM, whatever the view's length; rows are measured as they render
 * (notes make some taller). The rows' data comes from the caller, a block at a time.
 */
export function PaperList(props: PaperListProps) {
  const { total, rowAt, active, onReorder } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options: VirtualizerOptions<HTMLDivElement, HTMLLIElement> = {
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: estimateRowSize,
    measureElement: rowSize,
    overscan: 4,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  // New contents (a key typed) reuse the list and the rows that stay (rather than building it anew), from the top.
  const shownContents = useRef(props.contents);
  useLayoutEffect(() => {
    if (shownContents.current === props.contents) return;
    shownContents.current = props.contents;
    if (virtualizer.scrollOffset) virtualizer.scrollToOffset(0); // (its own record: reading the element's would force a layout)
  }, [props.contents]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => props.onVisibleChange(first, last), [first, last]);

  // Keyboard moves bring the active row into view and focus it once it is rendered.
  const pendingFocus = useRef<{ index: number; id?: PaperId } | null>(null);
  const hadFocus = useRef(false);
  const { focusRequest } = props;
  useEffect(() => {
    if (focusRequest.n === 0) return;
    pendingFocus.current = { index: focusRequest.index, id: focusRequest.id };
    virtualizer.scrollToIndex(focusRequest.index, { align: 'auto' });
    rerender(0);
  }, [focusRequest.n]);
  useLayoutEffect(() => {
    const list = scrollRef.current;
    if (!list) return;
    const pending = pendingFocus.current;
    if (pending) {
      const row = list.querySelector<HTMLElement>(`li[data-index="${pending.index}"]`);
      if (row && (pending.id === undefined || row.dataset.paperId === pending.id)) {
        if (document.activeElement !== row) row.focus({ preventScroll: true });
        pendingFocus.current = null;
      }
      return;
    }
    // A focused row that left the view (marked read, removed) hands the focus to the row now in its place.
    if (hadFocus.current && (document.activeElement === document.body || document.activeElement === null) && total > 0) {
      list.querySelector<HTMLElement>(`li[data-index="${Math.min(active, total - 1)}"]`)?.focus({ preventScroll: true });
    }
  });

  const [drop, setDrop] = useState<{ index: number; side: DropSide } | null>(null);
  const dropSide = (event: DragEvent): DropSide => {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
  };

  return (
    <div
      class="list-scroll"
      ref={scrollRef}
      onFocusIn={() => (hadFocus.current = true)}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        const left = event.target as Element;
        if (next) {
          if (!scrollRef.current?.contains(next)) hadFocus.current = false;
        } else {
          // Focus went nowhere: a click on a blank spot (the row is still there), or the row was removed.
          setTimeout(() => {
            if (left.isConnected) hadFocus.current = false;
          });
        }
      }}
    >
      {/* Rows lie in the list's flow, the list moved down to the first one: a row measured taller than
          estimated pushes the rows after it as any list would, without waiting for the next render. */}
      <div class="list-sizer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        <ul
          id={props.id}
          class="paper-list"
          role="list"
          aria-label={props.label}
          style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
        >
          {items.map((item) => {
            const paper = rowAt(item.index);
            const marker = drop?.index === item.index ? ` drop-${drop.side}` : '';
            return (
              <li
                key={paper?.id ?? `loading-${item.index}`}
                data-index={item.index}
                data-paper-id={paper?.id}
                ref={virtualizer.measureElement}
                class={`paper-row${paper ? '' : ' placeholder'}${item.index === active ? ' active' : ''}${marker}`}
                tabIndex={item.index === active ? 0 : -1}
                aria-posinset={item.index + 1}
                aria-setsize={total}
                aria-busy={paper ? undefined : true}
                onFocusIn={() => item.index !== active && props.onActiveChange(item.index)}
                onDragStart={(event) => {
                  // Only the grip starts a reorder; a dragged title link stays a link.
                  if (!paper || !onReorder || !(event.target as Element).closest?.('.grip')) return;
                  event.dataTransfer?.setData(DRAG_TYPE, JSON.stringify({ id: paper.id, from: item.index }));
                  event.dataTransfer?.setData('text/plain', paper.title);
                  if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer?.setDragImage(event.currentTarget as HTMLElement, 16, 16);
                }}
                onDragOver={(event) => {
                  if (!paper || !onReorder || !event.dataTransfer?.types.includes(DRAG_TYPE)) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  const side = dropSide(event);
                  if (drop?.index !== item.index || drop.side !== side) setDrop({ index: item.index, side });
                }}
                onDragLeave={(event) => {
                  if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) setDrop(null);
                }}
                onDrop={(event) => {
                  const dragged = readDragged(event.dataTransfer?.getData(DRAG_TYPE));
                  setDrop(null);
                  if (!paper || !onReorder || !dragged) return;
                  event.preventDefault();
                  if (dragged.id !== paper.id) {
                    onReorder({ id: dragged.id, from: dragged.from, anchorId: paper.id, anchor: item.index, side: dropSide(event) });
                  }
                }}
                onDragEnd={() => setDrop(null)}
              >
                {paper ? props.renderRow(paper, item.index) : <div class="paper-skeleton" />}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/** The paper a drag carries: ours only (another page's drop data is ignored). */
function readDragged(data: string | undefined): { id: PaperId; from: number } | null {
  if (!data) return null;
  try {
    const value = JSON.parse(data) as { id?: unknown; from?: unknown };
    return typeof value.id === 'string' && typeof value.from === 'number' ? { id: value.id, from: value.from } : null;
  } catch {
    return null;
  }
}
