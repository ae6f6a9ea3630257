import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { control, launch, readSharedPage } from './harness';
import { SITE_PAGES } from '../fixtures/shared-pages';

/**
 * The round trip with a reference manager in the built extension: a .bib of arXiv papers (written
 * as JabRef, Zotero and Google Scholar write them), an ACL paper by its ACL DOI and a journal article
 * by its DOI imported through the options page, found starred and queued on an arXiv listing and an
 * ACL Anthology author page served at their real URLs; then the library exported as RIS and
 * CSL-JSON from the options page and read back by Citation.js.
 */

const ARXIV_URL = 'https://arxiv.org/list/cs.CL/recent';
const [FIRST, SECOND, THIRD] = ['arxiv:2607.22529', 'arxiv:2607.22456', 'arxiv:2607.22376'];
/** An Anthology paper by its ACL DOI (the same paper as acl:W19-4201), on its author's page. */
const ACL = 'acl:W19-4201';
const AUTHOR_PAGE = SITE_PAGES.aclAuthor2026;

const BIB = `% Encoding: UTF-8

@Misc{first2026,
  author        = {Ada Lovelace and Alan Turing},
  title         = {First paper of the listing},
  year          = {2026},
  archiveprefix = {arXiv},
  eprint        = {2607.22529v1},
  primaryclass  = {cs.CL},
}

@misc{second_2026,
	title = {Second {Paper}, with {\\"U}mlauts},
	url = {http://arxiv.org/abs/2607.22456},
	doi = {10.48550/arXiv.2607.22456},
	publisher = {arXiv},
	author = {M{\\"u}ller, J{\\"o}rg},
	year = {2026},
	note = {arXiv:2607.22456 [cs]},
}

@article{third2026,
  title={Third paper},
  author={Hopper, Grace and others},
  journal={arXiv preprint arXiv:2607.22376},
  year={2026}
}

@inproceedings{madsack2019,
  title = {Paper of the Anthology},
  author = {Madsack, Andreas},
  booktitle = {Proceedings of the Workshop},
  year = {2019},
  doi = {10.18653/v1/W19-4201},
}

@article{jumper2021,
  title = {Highly accurate protein structure prediction with {AlphaFold}},
  author = {Jumper, John and Evans, Richard},
  journal = {Nature},
  year = {2021},
  doi = {10.1038/s41586-021-03819-2},
}

@book{knuth1986,
  title={The TeXbook},
  author={Knuth, Donald E.},
  year={1986}
}
`;

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file;
}

const text = async (file: Download) => readFileSync((await file.path())!, 'utf8');

describe('BibTeX import and citation exports in the built extension', () => {
  it('imports a .bib through the options page, finds its papers starred on an arXiv listing, exports RIS and CSL-JSON', async () => {
    const browser = await launch({
      pages: { [ARXIV_URL]: readSharedPage('arxiv_list_cs.CL_recent_2026-07.html'), [AUTHOR_PAGE.url]: readSharedPage(AUTHOR_PAGE.file) },
    });
    try {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const fileInput = options.getByLabel(/^BibTeX file/);

      // A broken file: refused with its line, nothing changes.
      await fileInput.setInputFiles({ name: 'broken.bib', mimeType: 'text/x-bibtex', buffer: Buffer.from('@misc{a, title={x},\n author={y}\n') });
      await expect.poll(() => options.getByRole('alert').textContent()).toBe(
        'This file is not valid BibTeX: expected "}", got the end of the file (line 3, column 1). Nothing was imported.',
      );
      expect(await options.locator('.library-row').count()).toBe(0);

      // The preview: new, in the library, rejected with line and reason.
      await fileInput.setInputFiles({ name: 'library.bib', mimeType: 'text/x-bibtex', buffer: Buffer.from(BIB) });
      const confirm = options.getByRole('group', { name: 'Import library.bib' });
      await expect.poll(() => confirm.locator('.import-counts').innerText()).toMatch(/New\s+5\s+In library\s+0\s+Rejected\s+1/);
      expect(await confirm.locator('.import-rejected li').allTextContents()).toEqual([
        'line 45 (knuth1986): no paper id (an arXiv id, a DOI, an ACL Anthology or OpenReview link)',
      ]);
      await confirm.locator('summary', { hasText: 'New papers' }).click();
      expect(await confirm.locator('.import-titles li').allTextContents()).toEqual([
        'First paper of the listing',
        'Second Paper, with Ümlauts',
        'Third paper',
        'Paper of the Anthology',
        'Highly accurate protein structure prediction with AlphaFold',
      ]);
      await confirm.getByRole('checkbox', { name: 'Added to the reading queue' }).check();
      expect(await options.locator('.library-row').count()).toBe(0); // the preview changed nothing
      await confirm.getByRole('button', { name: 'Import' }).click();
      await expect.poll(() => options.locator('.import-done').textContent()).toBe(
        'Imported library.bib: 5 new papers, 0 papers already in the library updated, 0 unchanged, 1 rejected.',
      );
      await expect.poll(() => options.locator('.library-row').count()).toBe(5);

      // On the arXiv listing, at its real URL: the three papers are starred and queued, the next one is not.
      const listing = await browser.open(ARXIV_URL, 50);
      for (const id of [FIRST, SECOND, THIRD]) {
        await expect.poll(() => control(listing, id, 'Star').pressed()).toBe('true');
        await expect.poll(() => control(listing, id, 'Add to queue').pressed()).toBe('true');
      }
      expect(await control(listing, 'arxiv:2607.22300', 'Star').pressed()).toBe('false');
      // The ACL DOI is the Anthology paper: starred and queued on its author's page, the others not.
      const author = await browser.open(AUTHOR_PAGE.url, AUTHOR_PAGE.ids(readSharedPage(AUTHOR_PAGE.file)).length);
      await expect.poll(() => control(author, ACL, 'Star').pressed()).toBe('true');
      await expect.poll(() => control(author, ACL, 'Add to queue').pressed()).toBe('true');
      expect(await control(author, 'acl:W18-6560', 'Star').pressed()).toBe('false');

      // Export the library as RIS and as CSL-JSON, and read both back.
      const form = options.getByRole('form', { name: 'Export papers' });
      await form.getByLabel('Papers').selectOption('all');
      await form.getByLabel('Format').selectOption('ris');
      const ris = await download(options, () => form.getByRole('button', { name: 'Download' }).click());
      expect(ris.suggestedFilename()).toMatch(/^shelfmark-all-\d{4}-\d{2}-\d{2}\.ris$/);
      const records = (plugins.input.data(await text(ris), '@ris/file') as unknown[]).map(
        (record) => new Cite(plugins.input.data(record, '@ris/record')).data[0]!,
      );
      expect(records.map((record) => [record.title, record.DOI]).sort()).toEqual([
        ['First paper of the listing', '10.48550/arXiv.2607.22529'],
        ['Second Paper, with Ümlauts', '10.48550/arXiv.2607.22456'],
        ['Third paper', '10.48550/arXiv.2607.22376'],
        ['Highly accurate protein structure prediction with AlphaFold', '10.1038/s41586-021-03819-2'],
        ['Paper of the Anthology', undefined],
      ].sort());

      await form.getByLabel('Format').selectOption('csl');
      await form.getByRole('checkbox', { name: 'Include abstracts' }).check();
      const csl = await download(options, () => form.getByRole('button', { name: 'Download' }).click());
      expect(csl.suggestedFilename()).toMatch(/^shelfmark-all-\d{4}-\d{2}-\d{2}\.csl\.json$/);
      const items = JSON.parse(await text(csl)) as Record<string, unknown>[];
      const apa = new Cite(items).format('bibliography', { format: 'text', template: 'apa' });
      expect(apa).toContain('Lovelace, A., & Turing, A. (2026). First paper of the listing (arXiv:2607.22529). arXiv.');
      expect(apa).toContain('Müller, J. (2026). Second Paper, with Ümlauts');
    } finally {
      await browser.close();
    }
  });
});
