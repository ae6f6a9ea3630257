import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { cvf } from '@/lib/sites/cvf';
import { fixture, sharedPage } from '../pages';
import { matchAll, readSite } from './read-site';

const ICCV2015 = 'https://openaccess.thecvf.com/ICCV2015';
const CVPR2024 = 'https://openaccess.thecvf.com/CVPR2024?day=all';
const PAPER = 'https://openaccess.thecvf.com/content/CVPR2024/html/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.html';

describe('CVF adapter: URLs', () => {
  it.each([
    ICCV2015,
    'https://openaccess.thecvf.com/ICCV2015.py',
    CVPR2024,
    'https://openaccess.thecvf.com/CVPR2024',
    'https://openaccess.thecvf.com/CVPR2018.py?day=2018-06-19',
    'https://openaccess.thecvf.com/CVPR2024_workshops/ABAW',
    'https://openaccess.thecvf.com/WACV2024',
    PAPER,
    'https://openaccess.thecvf.com/content_iccv_2015/html/Malinowski_Ask_Your_Neurons_ICCV_2015_paper.html',
    'https://openaccess.thecvf.com/content/CVPR2024W/ABAW/html/Kim_A_Study_CVPRW_2024_paper.html',
  ])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(cvf);
  });

  it.each([
    'https://openaccess.thecvf.com/',
    'https://openaccess.thecvf.com/menu',
    'https://openaccess.thecvf.com/CVPR2024_workshops/menu',
    'https://openaccess.thecvf.com/content/CVPR2024/papers/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.pdf',
    'https://openaccess.thecvf.com/content/CVPR2024/supplemental/Yue_Object_CVPR_2024_supplemental.pdf',
    'http://www.cv-foundation.org/openaccess/ICCV2015.py',
    'https://cvpr.thecvf.com/Conferences/2024/AcceptedPapers',
    'https://openaccess.thecvf.com.evil.example/CVPR2024',
  ])('does not serve %s', (url) => {
    expect(adapterFor(url)).not.toBe(cvf);
  });

  it("tells a paper's own page (one card, the first screen's) from a listing", () => {
    const paperPage = (url: string) => cvf.paperPage!(new URL(url));
    for (const url of ['https://openaccess.thecvf.com/content/CVPR2024/html/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.html', 'https://openaccess.thecvf.com/content_iccv_2015/html/Malinowski_Ask_Your_Neurons_ICCV_2015_paper.html']) expect(paperPage(url), url).toBe(true);
    for (const url of ['https://openaccess.thecvf.com/CVPR2024', 'https://openaccess.thecvf.com/ICCV2015.py', 'https://openaccess.thecvf.com/CVPR2024_workshops/ABAW']) expect(paperPage(url), url).toBe(false);
  });
});

describe('CVF adapter: the real ICCV 2015 listing', () => {
  const html = sharedPage('cvf_openaccess_ICCV2015_listing_2015-12_browser-saved.html');

  it('every dt.ptitle, by the stem of its page link (2015: absolute cv-foundation.org links, no arXiv)', () => {
    const { ids, papers } = readSite(cvf, html, ICCV2015);
    const stems = matchAll(html, /<dt class="ptitle"><br><a href="[^"]*\/html\/([^"/]+)_paper\.html">/g);
    expect(stems).toHaveLength(526);
    expect(ids).toEqual(stems.map((stem) => `cvf:${stem}`));
    expect(papers[0]).toEqual({
      id: 'cvf:Malinowski_Ask_Your_Neurons_ICCV_2015',
      title: 'Ask Your Neurons: A Neural-Based Approach to Answering Questions About Images',
      authors: ['Mateusz Malinowski', 'Marcus Rohrbach', 'Mario Fritz'],
      venue: 'ICCV 2015',
      year: 2015,
      links: {
        abs: 'http://www.cv-foundation.org/openaccess/content_iccv_2015/html/Malinowski_Ask_Your_Neurons_ICCV_2015_paper.html',
        pdf: 'http://www.cv-foundation.org/openaccess/content_iccv_2015/papers/Malinowski_Ask_Your_Neurons_ICCV_2015_paper.pdf',
      },
    });
  }, 30_000);
});

describe('CVF adapter: today’s pages (our fixtures)', () => {
  it('a listing: the arXiv id where the entry links arXiv, its CVF id as alias; else the CVF id', () => {
    const { ids, aliases, papers } = readSite(cvf, fixture('cvf_CVPR2024_listing.html'), CVPR2024);
    expect(ids.map((id, i) => [id, ...aliases[i]!])).toEqual([
      ['arxiv:2312.02142', 'cvf:Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024'],
      ['arxiv:2312.06741', 'cvf:Matsuki_Gaussian_Splatting_SLAM_CVPR_2024'],
      ['cvf:Liberatori_Test-Time_Zero-Shot_Temporal_Action_Localization_CVPR_2024'],
      ['cvf:Huo_C2KD_Bridging_the_Modality_Gap_for_Cross-Modal_Knowledge_Distillation_CVPR_2024'],
    ]);
    expect(papers[1]).toMatchObject({ title: 'Gaussian Splatting SLAM', authors: ['Hidenobu Matsuki', 'Riku Murai', 'Paul H.J. Kelly', 'Andrew J. Davison'], venue: 'CVPR 2024', year: 2024 });
    expect(papers[2]!.links).toEqual({
      abs: 'https://openaccess.thecvf.com/content/CVPR2024/html/Liberatori_Test-Time_Zero-Shot_Temporal_Action_Localization_CVPR_2024_paper.html',
      pdf: 'https://openaccess.thecvf.com/content/CVPR2024/papers/Liberatori_Test-Time_Zero-Shot_Temporal_Action_Localization_CVPR_2024_paper.pdf',
    });
  });

  it('puts the controls in the links row, before the bibtex toggle', () => {
    const { doc, cards } = readSite(cvf, fixture('cvf_CVPR2024_listing.html'), CVPR2024);
    const root = doc.createElement('shelfmark-controls');
    cvf.mountControls(cards[0]!, root);
    expect(root.parentElement?.localName).toBe('dd');
    expect(root.nextElementSibling?.className).toBe('link2');
    expect(root.previousElementSibling?.textContent).toBe('arXiv');
  });

  it('a paper page: the paper, with its arXiv id; a link in its abstract is another paper', () => {
    const { ids, aliases, papers } = readSite(cvf, fixture('cvf_paper_CVPR2024.html'), PAPER);
    expect([ids[0], ...aliases[0]!]).toEqual(['arxiv:2312.02142', 'cvf:Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024']);
    expect(papers[0]).toMatchObject({
      title: 'Object Recognition as Next Token Prediction',
      authors: ['Kaiyu Yue', 'Bor-Chun Chen', 'Jonas Geiping', 'Hengduo Li', 'Tom Goldstein', 'Ser-Nam Lim'],
      venue: 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), 2024',
      year: 2024,
    });
    expect(papers[0]!.abstract).toMatch(/^We present an approach to pose object recognition as next token prediction\./);
  });
});
