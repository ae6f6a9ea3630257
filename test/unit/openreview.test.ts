import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { openreview } from '@/lib/sites/openreview';
import { fixture, sharedPage } from '../pages';
import { matchAll, readSite } from './read-site';

const ICLR2018 = 'https://openreview.net/group?id=ICLR.cc/2018/Conference';
const ICLR2024 = 'https://openreview.net/group?id=ICLR.cc/2024/Conference';
const VIT = 'https://openreview.net/forum?id=YicbFdNTTy';

describe('OpenReview adapter: URLs', () => {
  it.each([
    ICLR2018,
    ICLR2024,
    'https://openreview.net/group?id=ICLR.cc/2024/Conference#tab-accept-oral',
    'https://openreview.net/group?id=NeurIPS.cc/2023/Conference',
    VIT,
    'https://openreview.net/forum?id=H1S8UE-Rb',
    'https://openreview.net/forum?id=H1S8UE-Rb&noteId=H1S8UE-Rb',
    'https://openreview.net/forum?id=YicbFdNTTy&referrer=%5Bthe%20profile%5D',
  ])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(openreview);
  });

  it.each([
    'https://openreview.net/',
    'https://openreview.net/group',
    'https://openreview.net/forum',
    'https://openreview.net/forum?id=',
    'https://openreview.net/pdf?id=YicbFdNTTy',
    'https://openreview.net/attachment?id=YicbFdNTTy&name=pdf',
    'https://openreview.net/profile?id=~Alexey_Dosovitskiy1',
    'https://openreview.net/venues',
    'https://openreview.net.evil.example/forum?id=YicbFdNTTy',
    'https://api.openreview.net/notes?forum=YicbFdNTTy',
  ])('does not serve %s', (url) => {
    expect(adapterFor(url)).not.toBe(openreview);
  });

  it("tells a paper's own page (one card, the first screen's) from a listing", () => {
    const paperPage = (url: string) => openreview.paperPage!(new URL(url));
    for (const url of ['https://openreview.net/forum?id=YicbFdNTTy', 'https://openreview.net/forum?id=H1S8UE-Rb&noteId=H1S8UE-Rb']) expect(paperPage(url), url).toBe(true);
    for (const url of ['https://openreview.net/group?id=ICLR.cc/2024/Conference']) expect(paperPage(url), url).toBe(false);
  });
});

describe('OpenReview adapter: the real ICLR 2018 venue page (pre-2019 layout)', () => {
  const html = sharedPage('openreview_group_ICLR2018_2017-12_browser-saved.html');

  it('finds every submission by its forum link, case kept, and nothing else', () => {
    const { ids, papers } = readSite(openreview, html, ICLR2018);
    const expected = matchAll(html, /<li class="note" data-id="([^"]+)">/g).map((id) => `openreview:${id}`);
    expect(expected).toHaveLength(996);
    expect(ids).toEqual(expected);
    expect(papers[0]).toMatchObject({
      id: 'openreview:SyBPtQfAZ',
      title: 'Improving Discriminator-Generator Balance in Generative Adversarial Networks',
      authors: ['Anonymous'],
      date: '2017-10-28',
      venue: 'ICLR 2018 Conference Blind Submission',
      year: 2018,
      links: { abs: 'https://openreview.net/forum?id=SyBPtQfAZ', pdf: 'https://openreview.net/pdf?id=SyBPtQfAZ' },
    });
    expect(papers[0]!.abstract).toMatch(/^Training Artificial Neural Networks to generate better images is a hard problem/);
    expect(papers.find((paper) => paper.id === 'openreview:H1S8UE-Rb')?.title).toBe('Complex- and Real-Valued Neural Network Architectures');
  }, 30_000);
});

describe('OpenReview adapter: today’s site (our fixtures)', () => {
  it('a venue page: the papers of its tabs; reviews and comments (noteId links) and forum links in text are not papers', () => {
    const { ids, papers, cards } = readSite(openreview, fixture('openreview_group_ICLR2024_2024.html'), ICLR2024);
    expect(ids).toEqual(['openreview:YicbFdNTTy', 'openreview:Hy7f0bQkRx', 'openreview:k-Zq_9sN2w']);
    expect(cards.map((card) => card.localName)).toEqual(['li', 'li', 'li']);
    expect(papers[0]).toMatchObject({
      title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
      authors: ['Alexey Dosovitskiy', 'Lucas Beyer', 'Alexander Kolesnikov'],
      date: '2021-01-12',
      venue: 'ICLR 2021 Oral',
      year: 2021,
    });
    expect(papers[0]!.abstract).toMatch(/^While the Transformer architecture/);
    expect(papers[1]).not.toHaveProperty('abstract');
  });

  it('a venue page’s cards rendered after load are found by the next read', () => {
    const { doc } = readSite(openreview, fixture('openreview_group_ICLR2024_2024.html'), ICLR2024);
    const list = doc.querySelector('.submissions-list')!;
    const added = doc.createElement('li');
    added.innerHTML = '<div class="note"><h4><a href="/forum?id=NewPaper01">A paper rendered later</a></h4><div class="note-authors">Anonymous</div></div>';
    list.append(added);
    expect(openreview.findCards(doc).map((card) => openreview.cardId(card))).toEqual([
      'openreview:YicbFdNTTy', 'openreview:Hy7f0bQkRx', 'openreview:k-Zq_9sN2w', 'openreview:NewPaper01',
    ]);
  });

  it('a forum page: the paper, by the page’s id; links in replies and other versions are not its id', () => {
    const { ids, papers, doc, cards } = readSite(openreview, fixture('openreview_forum_2024.html'), VIT);
    expect(ids).toEqual(['openreview:YicbFdNTTy']);
    expect(papers[0]).toMatchObject({
      title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
      authors: ['Alexey Dosovitskiy', 'Lucas Beyer', 'Neil Houlsby'],
      date: '2021-01-12',
      venue: 'ICLR 2021 Oral',
    });
    expect(papers[0]!.abstract).toMatch(/perform very well on image classification tasks\.$/);
    const root = doc.createElement('shelfmark-controls');
    openreview.mountControls(cards[0]!, root);
    expect(root.previousElementSibling?.className).toMatch(/forum-title/);
  });

  it('the same forum markup at another forum’s address is that forum, never the PDF link it shows', () => {
    const { ids } = readSite(openreview, fixture('openreview_forum_2024.html'), 'https://openreview.net/forum?id=SyBPtQfAZ');
    expect(ids).toEqual(['openreview:SyBPtQfAZ']);
  });
});
