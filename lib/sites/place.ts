/**
 * Where the controls go, shared by the adapters that put them in a line of text (arXiv's id line,
 * Scholar's actions row, CVF's links row): they flow with the text instead of taking a line of
 * their own. An open note or tag editor still takes its own line (the root's own style, controls.ts).
 *
 * They take no height in the line: negative margins as tall as the bar (26px) let its buttons
 * overflow the line's leading instead of making the line taller, so putting them in moves nothing
 * of the page (SiteAdapter.controlsInLine: their roots then go in only as they come near).
 * `inlineMargin`: the room on either side, as `margin-inline`.
 */
export function inline(controls: HTMLElement, inlineMargin = '0.5em 0'): HTMLElement {
  controls.style.display = 'inline-block';
  controls.style.verticalAlign = 'middle';
  controls.style.marginInline = inlineMargin;
  controls.style.marginBlock = '-13px';
  return controls;
}
