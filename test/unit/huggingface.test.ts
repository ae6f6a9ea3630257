import { describe, expect, it } from 'vitest';
import { huggingface } from '@/lib/sites/huggingface';
import { adapterFor } from '@/lib/sites';
import { createPageContext } from '@/lib/sites/types';
import { parsePage, sharedPage } from '../pages';

const DAILY_2024 = [
  ['arxiv:2407.21783', 'The Llama 3 Herd of Models'],
  ['arxiv:2407.21705', 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation'],
  ['arxiv:2407.21770', 'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts'],
  ['arxiv:2407.21646', 'Towards Achieving Human Parity on End-to-end Simultaneous Speech Translation via LLM Agent'],
  ['arxiv:2407.21772', 'ShieldGemma: Generative AI Content Moderation Based on Gemma'],
  ['arxiv:2407.21630', 'TAROT: Task-Oriented Authorship Obfuscation Using Policy Optimization Methods'],
  ['arxiv:2407.21721', 'Open-Vocabulary Audio-Visual Semantic Segmentation'],
  ['arxiv:2407.21530', 'Data Contamination Report from the 2024 CONDA Shared Task'],
  ['arxiv:2407.20229', 'Improving 2D Feature Representations by 3D-Aware Fine-Tuning'],
  ['arxiv:2407.21781', 'Berkeley Humanoid: A Research Platform for Learning-based Control'],
  ['arxiv:2407.21686', 'Expressive Whole-Body 3D Gaussian Avatar'],
  ['arxiv:2407.21475', 'Fine-gained Zero-shot Video Sampling'],
  ['arxiv:2404.01300', 'NeRF-MAE: Masked AutoEncoders for Self-Supervised 3D Representation Learning for Neural Radiance Fields'],
];

function readAll(html: string, url: string) {
  const doc = parsePage(html);
  const page = createPageContext(doc, url);
  return huggingface.findCards(doc).map((card) => huggingface.readCard(card, page));
}

describe('Hugging Face adapter: URLs', () => {
  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/',
    'https://huggingface.co/papers?date=2024-08-01',
    'https://huggingface.co/papers?q=diffusion',
    'https://huggingface.co/papers/date/2026-09-28',
    'https://huggingface.co/papers/week/2026-W39',
    'https://huggingface.co/papers/month/2026-09',
    'https://huggingface.co/papers/trending',
  ])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(huggingface);
  });

  it.each([
    'https://huggingface.co/',
    'https://huggingface.co/models',
    'https://huggingface.co/papers/submit',
    'https://huggingface.co/papersX',
    'https://huggingface.co.evil.example/papers',
    'http://example.com/papers',
  ])('does not serve %s', (url) => {
    expect(adapterFor(url)).toBeNull();
  });
});

describe('Hugging Face adapter: daily page, 2024 layout', () => {
  const html = sharedPage('hf_daily_2024-08-01.html');

  it('reads the 13 cards with their ids and titles, in page order', () => {
    const papers = readAll(html, 'https://huggingface.co/papers?date=2024-08-01');
    expect(papers.map((paper) => [paper?.id, paper?.title])).toEqual(DAILY_2024);
  });

  it('gives each paper its Hugging Face and arXiv links', () => {
    const [llama] = readAll(html, 'https://huggingface.co/papers?date=2024-08-01');
    expect(llama?.links).toMatchObject({
      huggingface: 'https://huggingface.co/papers/2407.21783',
      abs: 'https://arxiv.org/abs/2407.21783',
      pdf: 'https://arxiv.org/pdf/2407.21783',
    });
  });

  it('reads the id cheaply from each card, the same as the full read', () => {
    const doc = parsePage(html);
    expect(huggingface.findCards(doc).map((card) => huggingface.cardId(card))).toEqual(DAILY_2024.map(([id]) => id));
  });
});

describe('Hugging Face adapter: daily page, 2026 layout (two cards)', () => {
  it('reads both cards', () => {
    const papers = readAll(sharedPage('hf_daily_2026-09-28_cards-fragment.html'), 'https://huggingface.co/papers');
    expect(papers.map((paper) => [paper?.id, paper?.title])).toEqual([
      ['arxiv:2609.30222', 'TrackEverything: Long Horizon Dense Tracking via De-Duplicating 3D Scene Representations'],
      ['arxiv:2609.31590', 'AgentWorld: Benchmarking Long-Horizon Collaboration of Multi-agent LLMs'],
    ]);
  });
});

describe('Hugging Face adapter: odd markup', () => {
  it('finds no card on a page without papers, and does not throw', () => {
    const doc = parsePage('<main><h3><a href="/models">Models</a></h3><article></article></main>');
    expect(huggingface.findCards(doc)).toEqual([]);
  });

  it('yields null for a card whose link is not a paper id', () => {
    const doc = parsePage('<article><h3><a href="/papers/not-an-id">Broken</a></h3></article>');
    const [card] = huggingface.findCards(doc);
    expect(card).toBeDefined();
    expect(huggingface.cardId(card!)).toBeNull();
    expect(huggingface.readCard(card!, createPageContext(doc, 'https://huggingface.co/papers'))).toBeNull();
  });

  it('keeps hostile titles as text', () => {
    const doc = parsePage('<article><h3><a href="/papers/2401.00001">&lt;img src=x onerror=alert(1)&gt; Title</a></h3></article>');
    const [card] = huggingface.findCards(doc);
    const paper = huggingface.readCard(card!, createPageContext(doc, 'https://huggingface.co/papers'));
    expect(paper?.title).toBe('<img src=x onerror=alert(1)> Title');
  });
});
