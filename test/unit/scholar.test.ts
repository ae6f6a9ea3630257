import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { scholar } from '@/lib/sites/scholar';
import { scholarCluster } from '@/lib/paper';
import { fixture, sharedPage } from '../pages';
import { matchAll, readSite } from './read-site';

const OLYMPUS = 'https://scholar.google.com/scholar?q=Geology+of+the+Olympus+Range+area';
const BENGIO = 'https://scholar.google.co.jp/scholar?q=%22Unsupervised+feature+learning+and+deep+learning%3A+A+review+and+new+perspectives%22&btnG=&hl=en';
const MODERN = 'https://scholar.google.de/scholar?hl=en&as_sdt=0%2C5&q=transformers';

describe('Google Scholar adapter: URLs', () => {
  it.each([
    OLYMPUS,
    BENGIO,
    MODERN,
    'https://scholar.google.com/scholar?cites=8188755959889491825&as_sdt=2005&sciodt=0,5&hl=en',
    'https://scholar.google.com/scholar?cluster=8188755959889491825&hl=en',
    'https://scholar.google.com/scholar?start=10&q=transformers',
    'https://scholar.google.co.uk/scholar?q=x',
    'https://scholar.google.com.br/scholar?q=x',
    'https://scholar.google.cat/scholar?q=x',
  ])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(scholar);
  });

  it.each([
    'https://scholar.google.com/',
    'https://scholar.google.com/citations?user=kukA0LcAAAAJ&hl=en',
    'https://scholar.google.com/scholar_settings?hl=en',
    'https://scholar.google.com/scholar_alerts?view_op=list_alerts',
    'https://scholar.google.com/scholar_lookup?title=x',
    'https://www.google.com/search?q=transformers',
    'https://scholar.google.com.evil.example/scholar?q=x',
    'https://scholar.google.example/scholar?q=x',
    'https://scholar.googleusercontent.com/scholar?q=cache:x',
  ])('does not serve %s', (url) => {
    expect(adapterFor(url)).not.toBe(scholar);
  });
});

describe('Google Scholar adapter: real pages', () => {
  it('2018+ layout: every result by its cluster, the one with a Wiley DOI URL by its DOI, not the alert footer', () => {
    const html = sharedPage('gscholar_search_2020-11_olympus-range.html');
    const { ids, aliases, papers } = readSite(scholar, html, OLYMPUS);
    const clusters = matchAll(html, /<div class="gs_r gs_or gs_scl" data-cid="([^"]+)"/g);
    expect(clusters).toHaveLength(10);
    expect(html.match(/class="gs_r /g)).toHaveLength(11); // the 11th is the alert footer
    // The seventh result's title links onlinelibrary.wiley.com/doi/abs/10.1002/jqs.691.
    expect(ids).toEqual(clusters.map((cid, i) => (i === 6 ? 'doi:10.1002/jqs.691' : `scholar:${cid}`)));
    expect(aliases[6]).toEqual([`scholar:${clusters[6]}`]);
    expect(papers[1]).toEqual({
      id: 'scholar:cXeT3ShOpHEJ',
      title: 'Plutonic rocks from the Cape Roberts hinterland: Wilson piedmont glacier, southern Victoria land, Antarctica',
      authors: ['PJ Forsyth', 'N Mortimer', 'IM Turnbull'],
      venue: 'Terra Antartica',
      year: 2002,
      // Its cluster's page; its own links (a PDF on sidst3.dst.unisi.it) lead off-site and are not kept.
      links: { abs: 'https://scholar.google.com/scholar?cluster=8188755959889491825' },
    });
    // A [CITATION] has no link: its title is read without the badge.
    expect(papers[0]).toMatchObject({ title: 'Geology of the Olympus Range Area, Southern Victoria Land', year: 1996 });
    expect(papers[0]!.links).toEqual({ abs: `https://scholar.google.com/scholar?cluster=${scholarCluster(clusters[0]!)}` });
  });

  it('2016 layout (no data-cid): the result by the cluster of its "Related articles" link', () => {
    const { ids, papers } = readSite(scholar, sharedPage('gscholar_search_2016-05_unsupervised-feature-learning.html'), BENGIO);
    expect(ids).toEqual(['scholar:NuivrFmD6BEJ']);
    // "CoRR, abs/1206.5538" is text, not a link: not read as an arXiv id.
    expect(papers[0]).toMatchObject({ title: 'Unsupervised feature learning and deep learning: A review and new perspectives', authors: ['Y Bengio', 'AC Courville', 'P Vincent'], year: 2012 });
  });

  it('the "not a robot" page: nothing, and no error', () => {
    const { cards } = readSite(scholar, sharedPage('gscholar_captcha-interstitial_2020-11_negative.html'), 'https://scholar.google.com/scholar?q=Geology+of+the+Bull+Pass');
    expect(cards).toEqual([]);
  });
});

describe('Google Scholar adapter: our fixtures', () => {
  it('ids from arXiv, DOIs in publisher URLs, the Anthology, OpenReview and CVF; the cluster as alias or id', () => {
    const { ids, aliases, papers } = readSite(scholar, fixture('gscholar_search_2024_transformers.html'), MODERN);
    expect(ids.map((id, i) => [id, ...aliases[i]!])).toEqual([
      ['arxiv:1706.03762', 'scholar:Lbqx3Z5JZ4kJ'],
      ['doi:10.1145/3394171.3413938', 'scholar:oDm3w_4Wj2AJ'],
      ['doi:10.1007/s11263-015-0816-y', 'scholar:pP3oDAhqT8AJ'],
      ['acl:N19-1423', 'scholar:kY1ryVU7h0IJ'],
      // A [PDF] through Scholar's redirect is its target: the arXiv id wins over the OpenReview forum.
      ['arxiv:2010.11929', 'openreview:YicbFdNTTy', 'scholar:5d0m7x0rU-cJ'],
      ['scholar:uqH5fcF8mcYJ'],
      ['cvf:He_Deep_Residual_Learning_CVPR_2016', 'scholar:WbE5h1fQ9qQJ'],
      // The snippet quotes a DOI and an arXiv id: text, another paper's, not read.
      ['scholar:Zr3h2v6Kk3wJ'],
    ]);
    expect(papers[0]).toMatchObject({
      title: 'Attention is all you need',
      authors: ['A Vaswani', 'N Shazeer', 'N Parmar'],
      venue: 'Advances in neural',
      year: 2017,
      links: { abs: 'https://arxiv.org/abs/1706.03762', pdf: 'https://arxiv.org/pdf/1706.03762' },
    });
    expect(papers[1]!.links).toEqual({ abs: 'https://doi.org/10.1145/3394171.3413938' });
    expect(papers[5]).toMatchObject({ title: 'Deep learning', authors: ['I Goodfellow', 'Y Bengio', 'A Courville'], year: 2016 });
  });

  it('an empty result page: nothing', () => {
    expect(readSite(scholar, fixture('gscholar_no_results.html'), 'https://scholar.google.com/scholar?q=qwxzjvkqpzz').cards).toEqual([]);
  });

  it('puts the controls at the end of the actions row', () => {
    const { doc, cards } = readSite(scholar, fixture('gscholar_search_2024_transformers.html'), MODERN);
    const root = doc.createElement('shelfmark-controls');
    scholar.mountControls(cards[0]!, root);
    expect(root.parentElement?.classList.contains('gs_fl')).toBe(true);
    expect(root.parentElement?.parentElement?.classList.contains('gs_ri')).toBe(true);
    expect(root.style.display).toBe('inline-block');
  });
});
