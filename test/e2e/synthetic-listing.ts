/**
 * Synthetic listings in the markup of the real pages, as large as a test or a benchmark needs:
 * no images, no scripts and no site CSS, so that nothing on them moves or loads but what
 * Shelfmark does.
 */

/** The arXiv id of the n-th synthetic paper, from 0: 2401.00001, 2401.00002, ... (arXiv numbers start at 1). */
export function syntheticArxivId(n: number): string {
  return `2401.${String(n + 1).padStart(5, '0')}`;
}

/** A Hugging Face daily listing (2024 layout: <article> cards, title link in an <h3>) of `count` papers. */
export function syntheticHfListing(count: number): string {
  const cards: string[] = [];
  for (let n = 0; n < count; n++) {
    const id = syntheticArxivId(n);
    cards.push(`<div><article class="relative flex flex-col overflow-hidden rounded-xl border">
<div class="from-gray-50-to-white -mt-2 flex bg-gradient-to-b px-6 pb-6 pt-8"><div class="flex w-full gap-6"><div class="w-full">
<h3 class="mb-1 text-lg/6 font-semibold"><a href="/papers/${id}" class="line-clamp-3 cursor-pointer text-balance">Synthetic paper number ${n}: a study of things at scale</a></h3>
<div class="flex items-center justify-between"><a href="/papers/${id}" class="flex">${(n % 9) + 2} authors</a><a href="/papers/${id}#community" class="flex items-center">${n % 7} comments</a></div>
</div></div></div></article></div>`);
  }
  return `<!doctype html><html class=""><head><meta charset="utf-8"><title>Daily Papers - Hugging Face</title></head>
<body><main><h1>Daily Papers</h1><div class="relative grid grid-cols-1 gap-5 lg:grid-cols-2 xl:grid-cols-3">
${cards.join('\n')}
</div></main></body></html>`;
}

/**
 * An arXiv listing (/list/…?skip=0&show=2000, 2024 layout: `dl#articles`, a <dt> id line and a
 * <dd> of title, authors, comments and subjects per entry, a day heading every 400 entries) of
 * `count` papers, varied as real ones are: every third a cross-list, every other with an HTML
 * version and comments, TeX in the titles. `idAt` names the n-th entry’s paper (synthetic ids by default).
 */
export function syntheticArxivListing(count: number, idAt: (n: number) => string = syntheticArxivId): string {
  const parts = [`<!DOCTYPE html><html lang="en"><head><title>Computation and Language</title></head><body><main><div id="content"><div id='content-inner'><div id='dlpage'><h1>Computation and Language</h1>`];
  for (let n = 0; n < count; n++) {
    if (n % 400 === 0) parts.push(`${n ? '</dl>' : ''}<dl id='articles'><h3>Mon, ${27 - n / 400} Jul 2026 (showing 400 of 400 entries )</h3>`);
    const id = idAt(n);
    const cross = n % 3 === 2 ? '(cross-list from cs.LG)' : '';
    const html = n % 2 ? `, <a href="https://arxiv.org/html/${id}v1" title="View HTML" id="html-${id}" aria-labelledby="html-${id}" rel="noopener noreferrer" target="_blank">html</a>` : '';
    const authors = Array.from({ length: 1 + (n % 9) }, (_, a) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Author,+${a}">Author ${n}-${a}</a>`).join(', ');
    const comments = n % 2 ? '' : `<div class='list-comments mathjax'><span class='descriptor'>Comments:</span>\n          ${8 + (n % 30)} pages, ${n % 7} figures\n        </div>`;
    parts.push(`
    <dt>
      <a name='item${n + 1}'>[${n + 1}]</a>
      <a href ="/abs/${id}" title="Abstract" id="${id}">
        arXiv:${id}
      </a>
      ${cross}
        [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}" aria-labelledby="pdf-${id}">pdf</a>${html}, <a href="/format/${id}" title="Other formats" id="oth-${id}" aria-labelledby="oth-${id}">other</a>]
    </dt>
    <dd>
      <div class='meta'>
        <div class='list-title mathjax'><span class='descriptor'>Title:</span>
          Synthetic paper number ${n}: a study of $O(n^2)$ attention at scale
        </div>
        <div class='list-authors'>${authors}</div>
        ${comments}
        <div class='list-subjects'><span class='descriptor'>Subjects:</span>
          <span class="primary-subject">Computation and Language (cs.CL)</span>; Machine Learning (cs.LG)
        </div>
      </div>
    </dd>`);
  }
  parts.push('</dl></div></div></div></main></body></html>');
  return parts.join('');
}
