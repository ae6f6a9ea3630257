/**
 * Where the controls go, shared by the adapters that put them in a line of text (arXiv's id line,
 * Scholar's actions row, CVF's links row): they flow with the text instead of taking a line of
 * their own. An open note editor still takes its own line (page.css, [data-note-open]).
 */
export function inline(controls: HTMLElement, margin = '0 0 0 0.5em'): HTMLElement {
  controls.style.display = 'inline-block';
  controls.style.verticalAlign = 'middle';
  controls.style.margin = margin;
  return controls;
}
