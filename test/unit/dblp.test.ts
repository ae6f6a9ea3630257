import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { dblp } from '@/lib/sites/dblp';
import { fixture, sharedPage } from '../pages';
import { matchAll, readSite } from './read-site';

const SEARCH = 'https://dblp.org/search?q=calefato';

/**
 * The search page's entries, [id, ...aliases]: each entry's electronic edition and dblp key, taken
 * from the HTML with regular expressions (the key from `<li class="entry … " id=…>`, the edition
 * from its `li.ee` link) and written out here: an arXiv link or arXiv's DOI gives `arxiv:`, another
 * DOI `doi:`, a CEUR-WS PDF nothing (the key is then the id).
 */
const SEARCH_ENTRIES = [
  ['doi:10.1109/esem56168.2023.10304796', 'dblp:conf/esem/CalefatoQLK23'],
  ['arxiv:2303.14702', 'dblp:journals/corr/abs-2303-14702'],
  ['arxiv:2307.10774', 'dblp:journals/corr/abs-2307-10774'],
  ['doi:10.1007/s10664-021-10012-6', 'dblp:journals/ese/CalefatoGILS22'],
  ['doi:10.1145/3512934', 'dblp:journals/pacmhci/QuarantaCL22'],
  ['doi:10.1145/3491039', 'dblp:journals/tosem/CalefatoL22'],
  ['doi:10.1109/tse.2021.3099532', 'dblp:journals/tse/KuhrmannTHKMLPF22'],
  ['doi:10.1145/3522664.3528612', 'dblp:conf/cain/QuarantaCL22'],
  ['doi:10.1145/3544902.3546636', 'dblp:conf/esem/CalefatoLQ22'],
  ['doi:10.1007/978-3-030-78307-5_17', 'dblp:books/sp/22/LazaroAFCGGCCVFHSPS22'],
  ['arxiv:2202.07233', 'dblp:journals/corr/abs-2202-07233'],
  ['arxiv:2205.11934', 'dblp:journals/corr/abs-2205-11934'],
  ['arxiv:2209.11453', 'dblp:journals/corr/abs-2209-11453'],
  ['doi:10.1007/s10664-021-09960-w', 'dblp:journals/ese/NovielliCLS21'],
  ['doi:10.1016/j.jss.2020.110887', 'dblp:journals/jss/CalefatoDET21'],
  ['doi:10.1145/3493800', 'dblp:journals/tsoco/CalefatoITL21'],
  ['dblp:conf/aiia/QuarantaCL21'],
  ['doi:10.1109/wain52551.2021.00027', 'dblp:conf/icse-wain/LanubileCQAFF21'],
  ['doi:10.1109/chase52884.2021.00027', 'dblp:conf/icse/NovielliCLML21'],
  ['doi:10.1109/msr52588.2021.00072', 'dblp:conf/msr/QuarantaCL21'],
  ['arxiv:2103.04656', 'dblp:journals/corr/abs-2103-04656'],
  ['arxiv:2103.10548', 'dblp:journals/corr/abs-2103-10548'],
  ['arxiv:2103.10558', 'dblp:journals/corr/abs-2103-10558'],
  ['arxiv:2109.11435', 'dblp:journals/corr/abs-2109-11435'],
  ['arxiv:2110.05035', 'dblp:journals/corr/abs-2110-05035'],
  ['arxiv:2110.13535', 'dblp:journals/corr/abs-2110-13535'],
  ['doi:10.1109/ms.2020.2968557', 'dblp:journals/software/NovielliCL20'],
  ['doi:10.1145/3372787.3390436', 'dblp:conf/icgse/CalefatoGLL20'],
  ['doi:10.1145/3379597.3387446', 'dblp:conf/msr/NovielliCDGL20'],
  ['doi:10.1145/3379597.3387505', 'dblp:conf/msr/NunesTC20'],
];

describe('dblp adapter: URLs', () => {
  it.each([
    SEARCH,
    'https://dblp.org/search/publ?q=calefato',
    'https://dblp.org/pid/48/5662.html',
    'https://dblp.org/pid/299/8187.html',
    'https://dblp.org/db/conf/esem/esem2023.html',
    'https://dblp.org/db/journals/corr/corr2303.html',
    'https://dblp.org/db/journals/tosem/tosem31.html#CalefatoL22',
    'https://dblp.org/rec/conf/esem/CalefatoQLK23.html',
  ])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(dblp);
  });

  it.each([
    'https://dblp.org/',
    'https://dblp.org/pid/48/5662.xml',
    'https://dblp.org/pid/48/5662.bib',
    'https://dblp.org/rec/conf/esem/CalefatoQLK23.bib',
    'https://dblp.org/search/publ/api?q=calefato&format=json',
    'https://dblp.org/statistics/index.html',
    'https://dblp.org/faq/',
    'https://dblp.uni-trier.de/pid/48/5662.html',
    'https://dblp.org.evil.example/pid/48/5662.html',
  ])('does not serve %s', (url) => {
    expect(adapterFor(url)).not.toBe(dblp);
  });
});

describe('dblp adapter: the real search page', () => {
  const html = sharedPage('dblp_search_calefato_2024-01_prettified.html');
  // Read once for the tests below (a real page in jsdom takes seconds on a loaded machine).
  let read: ReturnType<typeof readSite> | undefined;
  const search = () => (read ??= readSite(dblp, html, SEARCH));

  it('finds every entry, with its id and its key as alias, nothing else', () => {
    const { ids, aliases } = search();
    expect(matchAll(html, /<li class="entry [a-z]+ toc" id="([^"]+)"/g)).toEqual(SEARCH_ENTRIES.map((entry) => entry.at(-1)!.slice(5)));
    expect(ids).toHaveLength(30);
    expect(ids.map((id, i) => [id, ...aliases[i]!])).toEqual(SEARCH_ENTRIES);
  }, 30_000); // the first test reads the page

  it('reads the citation: title without dblp’s closing period, authors, venue, year', () => {
    const { papers } = search();
    expect(papers[1]).toEqual({
      id: 'arxiv:2303.14702',
      aliases: ['dblp:journals/corr/abs-2303-14702'],
      title: 'A Lot of Talk and a Badge: An Empirical Analysis of Personal Achievements in GitHub',
      authors: ['Fabio Calefato', 'Luigi Quaranta', 'Filippo Lanubile'],
      venue: 'CoRR',
      year: 2023,
      links: {
        abs: 'https://arxiv.org/abs/2303.14702',
        pdf: 'https://arxiv.org/pdf/2303.14702',
        html: 'https://arxiv.org/html/2303.14702',
        huggingface: 'https://huggingface.co/papers/2303.14702',
      },
    });
    expect(papers[0]).toMatchObject({ title: 'Assessing the Use of AutoML for Data-Driven Software Engineering', venue: 'ESEM', year: 2023 });
    // No electronic edition names it: its dblp record is its page (its CEUR-WS PDF is off-site, not kept).
    expect(papers[16]).toMatchObject({ id: 'dblp:conf/aiia/QuarantaCL21', links: { abs: 'https://dblp.org/rec/conf/aiia/QuarantaCL21.html' } });
  });

  it('puts the controls under the citation', () => {
    const { doc, cards } = search();
    const root = doc.createElement('shelfmark-controls');
    dblp.mountControls(cards[0]!, root);
    expect(root.previousElementSibling?.localName).toBe('cite');
    expect(dblp.cardId(cards[0]!)).toBe(SEARCH_ENTRIES[0]![0]);
  });
});

describe('dblp adapter: a person page (our fixture)', () => {
  it('every entry; editions that name one paper give one id; share links and revision PDFs give none', () => {
    const { ids, aliases, papers } = readSite(dblp, fixture('dblp_person_2024.html'), 'https://dblp.org/pid/299/8187.html');
    expect(ids.map((id, i) => [id, ...aliases[i]!])).toEqual([
      ['arxiv:2211.05100', 'dblp:journals/corr/abs-2211-05100'],
      ['openreview:rkmtTJZCb', 'dblp:conf/iclr/ScaoFAG23'],
      // The Anthology's DOI and page are the same paper: one id.
      ['acl:2021.naacl-main.208', 'dblp:conf/naacl/ScaoR21'],
      // A DOI (in an ACM URL) and arXiv in one entry: the arXiv id, the DOI an alias.
      ['arxiv:2104.08691', 'doi:10.5555/3546258.3546321', 'dblp:journals/jmlr/ScaoX21'],
      // The CoRR version of the NAACL paper above: another record (no id in common).
      ['arxiv:2103.08493', 'dblp:journals/corr/abs-2103-08493'],
      ['dblp:conf/xyz/Scao20'],
    ]);
    expect(papers[2]).toMatchObject({ title: 'How many data points is a prompt worth?', authors: ['Teven Le Scao', 'Alexander M. Rush'], venue: 'NAACL-HLT', year: 2021 });
    expect(papers[5]).not.toHaveProperty('links.abs', expect.stringContaining('twitter'));
  });
});
