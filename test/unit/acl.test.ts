import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { acl } from '@/lib/sites/acl';
import { fixture, sharedPage } from '../pages';
import { matchAll, readSite } from './read-site';

/** Title links of the listing entries, read with a regular expression (independently of the adapter). */
const ENTRY_LINK = /<strong><a class=align-middle href=\/([^/]+)\/>/g;

describe('ACL Anthology adapter: URLs', () => {
  it.each([
    'https://aclanthology.org/volumes/2024.acl-long/',
    'https://aclanthology.org/volumes/N04-1/',
    'https://aclanthology.org/volumes/W19-42/',
    'https://aclanthology.org/events/acl-2024/',
    'https://aclanthology.org/people/a/andreas-madsack/',
    'https://aclanthology.org/people/andreas-madsack/',
    'https://aclanthology.org/people/andreas-madsack/unverified/',
    'https://aclanthology.org/2021.naacl-main.208/',
    'https://aclanthology.org/2021.naacl-main.208',
    'https://aclanthology.org/N04-1001/',
  ])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(acl);
  });

  it.each([
    'https://aclanthology.org/',
    'https://aclanthology.org/2021.naacl-main.208.pdf',
    'https://aclanthology.org/2021.naacl-main.208.bib',
    'https://aclanthology.org/volumes/',
    'https://aclanthology.org/events/',
    'https://aclanthology.org/people/',
    'https://aclanthology.org/venues/acl/',
    'https://aclanthology.org/sigs/sigdat/',
    'https://aclanthology.org/search/?q=prompt',
    'https://aclanthology.org/faq/',
    'https://aclanthology.org/info/corrections/',
    'https://aclanthology.org/2024.acl-long/', // a volume's id, not a paper's
    'https://aclanthology.org/thumb/N04-1001.jpg',
    'https://aclanthology.org.evil.example/N04-1001/',
    'https://www.aclweb.org/anthology/N04-1001/',
    'http://aclanthology.org.example/N04-1001/',
  ])('does not serve %s', (url) => {
    expect(adapterFor(url)).not.toBe(acl);
  });

  it("tells a paper's own page (one card, the first screen's) from a listing", () => {
    const paperPage = (url: string) => acl.paperPage!(new URL(url));
    for (const url of ['https://aclanthology.org/2021.naacl-main.208/', 'https://aclanthology.org/N04-1001/']) expect(paperPage(url), url).toBe(true);
    for (const url of ['https://aclanthology.org/volumes/2024.acl-long/', 'https://aclanthology.org/events/acl-2024/', 'https://aclanthology.org/people/andreas-madsack/']) expect(paperPage(url), url).toBe(false);
  });
});

describe('ACL Anthology adapter: real pages', () => {
  it.each([
    ['2019–2025 layout', 'acl_people_andreas-madsack_2023-01.html', 'https://aclanthology.org/people/a/andreas-madsack/'],
    ['2026 layout', 'acl_people_andreas-madsack_2026-07_redesign.html', 'https://aclanthology.org/people/andreas-madsack/'],
  ])('an author page, %s: every entry, nothing else', (_, file, url) => {
    const html = sharedPage(file);
    const { ids, papers } = readSite(acl, html, url);
    const expected = matchAll(html, ENTRY_LINK).map((id) => `acl:${id}`);
    expect(expected).toHaveLength(6);
    expect(ids).toEqual(expected);
    expect(new Set(ids)).toEqual(
      new Set(['acl:2022.in2writing-1.1', 'acl:W19-4201', 'acl:K18-3004', 'acl:W18-3607', 'acl:W18-6560', 'acl:W17-3524']),
    );
    const first = papers[0]!;
    expect(first).toMatchObject({
      id: 'acl:2022.in2writing-1.1',
      title: 'Data-to-text systems as writing environment',
      authors: ['Adela Schneider', 'Andreas Madsack', 'Johanna Heininger', 'Ching-Yi Chen', 'Robert Weißgraeber'],
      venue: 'Proceedings of the First Workshop on Intelligent and Interactive Writing Assistants (In2Writing 2022)',
      year: 2022,
      links: { abs: 'https://aclanthology.org/2022.in2writing-1.1/', pdf: 'https://aclanthology.org/2022.in2writing-1.1.pdf' },
    });
    expect(first.abstract).toMatch(/^Today, data-to-text systems are used as commercial solutions/);
    expect(papers.find((paper) => paper.id === 'acl:W19-4201')).toMatchObject({
      title: 'AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task',
      year: 2019,
    });
    // An entry without an abstract has none (not its neighbour's).
    const withoutAbstract = papers.filter((paper) => !paper.abstract).map((paper) => paper.id);
    expect(withoutAbstract).toEqual(matchAll(html, ENTRY_LINK).map((id) => `acl:${id}`).filter((id) => !html.includes(`id=abstract-${id.slice(4).replace(/\./g, '--')}>`)));
  });

  it('a paper page: the paper, with its authors, volume and year', () => {
    const { ids, papers } = readSite(acl, sharedPage('acl_paper_N04-1001.html'), 'https://aclanthology.org/N04-1001/');
    expect(ids).toEqual(['acl:N04-1001']);
    expect(papers[0]).toEqual({
      id: 'acl:N04-1001',
      title: 'A Statistical Model for Multilingual Entity Detection and Tracking',
      authors: ['R. Florian', 'H. Hassan', 'A. Ittycheriah', 'H. Jing', 'N. Kambhatla', 'X. Luo', 'N. Nicolov', 'S. Roukos'],
      venue: 'Proceedings of the Human Language Technology Conference of the North American Chapter of the Association for Computational Linguistics: HLT-NAACL 2004',
      year: 2004,
      links: { abs: 'https://aclanthology.org/N04-1001/', pdf: 'https://aclanthology.org/N04-1001.pdf' },
    });
  });
});

describe('ACL Anthology adapter: other layouts (our fixtures)', () => {
  it('a paper page with an abstract and a DOI (the DOI is the same paper: no alias)', () => {
    const { ids, papers } = readSite(acl, fixture('acl_paper_2021.naacl-main.208.html'), 'https://aclanthology.org/2021.naacl-main.208/');
    expect(ids).toEqual(['acl:2021.naacl-main.208']);
    expect(papers[0]).toMatchObject({ title: 'How many data points is a prompt worth?', authors: ['Teven Le Scao', 'Alexander Rush'], year: 2021 });
    expect(papers[0]!.abstract).toMatch(/^When fine-tuning pretrained models .* classification tasks\.$/);
    expect(papers[0]).not.toHaveProperty('aliases');
  });

  it('a volume page (2026 layout): its papers, not its front matter, each with the volume as venue', () => {
    const html = fixture('acl_volume_2024.acl-long_2026.html');
    const { ids, papers } = readSite(acl, html, 'https://aclanthology.org/volumes/2024.acl-long/');
    expect(matchAll(html, ENTRY_LINK)).toEqual(['2024.acl-long.0', '2024.acl-long.1', '2024.acl-long.2', '2024.acl-long.3']);
    expect(ids).toEqual(['acl:2024.acl-long.1', 'acl:2024.acl-long.2', 'acl:2024.acl-long.3']);
    expect(papers.map((paper) => paper.venue)).toEqual(Array(3).fill('Proceedings of the 62nd Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)'));
    expect(papers[1]).toMatchObject({ title: 'Citation-Enhanced Generation for LLM-based Chatbots', authors: ['Weitao Li', 'Junkai Li'] });
    expect(papers[1]).not.toHaveProperty('abstract');
    // A DOI in an abstract is another paper's: not an alias of this one.
    expect(papers[2]!.abstract).toContain('10.18653/v1/2023.acl-long.9');
    expect(papers[2]).not.toHaveProperty('aliases');
  });

  it('an event page (2019–2025 layout, old-style ids): every volume’s papers, each with its volume', () => {
    const html = fixture('acl_event_acl-2019_2019.html');
    const { ids, papers } = readSite(acl, html, 'https://aclanthology.org/events/acl-2019/');
    expect(ids).toEqual(['acl:P19-1001', 'acl:P19-1002', 'acl:W19-4201']);
    expect(papers.map((paper) => [paper.venue, paper.year])).toEqual([
      ['Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics', 2019],
      ['Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics', 2019],
      ['Proceedings of the 16th Workshop on Computational Research in Phonetics, Phonology, and Morphology', 2019],
    ]);
    expect(papers[0]!.abstract).toBe('Currently, researchers have paid great attention to retrieval-based dialogues in open-domain.');
  });

  it('puts the controls under the title and authors of an entry, and under the title of a paper page', () => {
    const { doc, cards } = readSite(acl, fixture('acl_volume_2024.acl-long_2026.html'), 'https://aclanthology.org/volumes/2024.acl-long/');
    const root = doc.createElement('shelfmark-controls');
    acl.mountControls(cards[0]!, root);
    expect(root.parentElement?.matches('span.d-block')).toBe(true);
    expect(root.previousElementSibling?.getAttribute('href')).toBe('/people/arman-cohan/');
    const paper = readSite(acl, sharedPage('acl_paper_N04-1001.html'), 'https://aclanthology.org/N04-1001/');
    const pageRoot = paper.doc.createElement('shelfmark-controls');
    acl.mountControls(paper.cards[0]!, pageRoot);
    expect(pageRoot.previousElementSibling?.id).toBe('title');
    expect(acl.cardId(paper.cards[0]!)).toBe('acl:N04-1001');
  });
});

describe('ACL Anthology adapter: a paper page in the 2026 layout (our fixture)', () => {
  it('the paper, with its abstract and volume', () => {
    const { ids, papers } = readSite(acl, fixture('acl_paper_W19-4201_2026.html'), 'https://aclanthology.org/W19-4201/');
    expect(ids).toEqual(['acl:W19-4201']);
    expect(papers[0]).toMatchObject({
      title: 'AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task',
      authors: ['Andreas Madsack', 'Robert Weißgraeber'],
      venue: 'Proceedings of the 16th Workshop on Computational Research in Phonetics, Phonology, and Morphology',
      year: 2019,
      abstract: 'This paper describes the AX Semantics’ submission to the SIGMORPHON 2019 shared task on morphological reinflection.',
    });
  });
});
