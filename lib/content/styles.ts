/**
 * Styles of the on-page controls.
 *
 * CONTROLS_CSS lives inside each card's shadow root: nothing of the page reaches it, nothing leaks out.
 * PAGE_CSS is the only stylesheet Shelfmark adds to the page itself. Every rule in it is scoped
 * to our own attributes; it sets the theme as custom properties, which inherit into the shadow
 * roots (Hugging Face's dark mode is `class="dark"` on <html>).
 */

export const PAGE_CSS = `
shelfmark-controls.shelfmark-root {
  --shelfmark-fg: #6b7280;
  --shelfmark-fg-hover: #111827;
  --shelfmark-bg-hover: #f3f4f6;
  --shelfmark-border: #e5e7eb;
  --shelfmark-star: #d97706;
  --shelfmark-read: #059669;
  --shelfmark-queue: #4f46e5;
  --shelfmark-focus: #2563eb;
  --shelfmark-error: #b91c1c;
  display: block;
  margin: 4px 0;
  line-height: normal;
}
html.dark shelfmark-controls.shelfmark-root {
  --shelfmark-fg: #9ca3af;
  --shelfmark-fg-hover: #f9fafb;
  --shelfmark-bg-hover: #1f2937;
  --shelfmark-border: #374151;
  --shelfmark-star: #fbbf24;
  --shelfmark-read: #34d399;
  --shelfmark-queue: #a5b4fc;
  --shelfmark-focus: #60a5fa;
  --shelfmark-error: #fca5a5;
}
`;

export const CONTROLS_CSS = `
:host { all: initial; display: block; }
.bar {
  display: flex;
  align-items: center;
  gap: 2px;
  font: 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--shelfmark-fg);
}
.toggle {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 26px;
  height: 26px;
  border-radius: 6px;
  cursor: pointer;
  color: var(--shelfmark-fg);
}
.toggle:hover { color: var(--shelfmark-fg-hover); background: var(--shelfmark-bg-hover); }
.toggle:focus-visible { outline: 2px solid var(--shelfmark-focus); outline-offset: 1px; }
.toggle svg {
  width: 18px;
  height: 18px;
  fill: none;
  stroke: currentColor;
  stroke-width: 1.8;
  stroke-linecap: round;
  stroke-linejoin: round;
}
.star[aria-pressed="true"] { color: var(--shelfmark-star); }
.star[aria-pressed="true"] svg { fill: currentColor; }
.read[aria-pressed="true"] { color: var(--shelfmark-read); }
.read[aria-pressed="true"] svg { stroke-width: 3; }
.queue[aria-pressed="true"] { color: var(--shelfmark-queue); }
.queue[aria-pressed="true"] svg { stroke-width: 2.6; }
.status { margin-left: 6px; color: var(--shelfmark-error); }
.status:empty { display: none; }
`;
