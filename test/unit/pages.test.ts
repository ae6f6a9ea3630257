import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { matchesPattern, mayHoldPapers, PAPER_PAGES, SITE_HOSTS, siteOfPage, SPA_PAGES } from '@/lib/sites/pages';

describe('which pages may hold papers (the manifest, the router and the background agree)', () => {
  it('applies match patterns as the browser does: scheme, host, and path with the query', () => {
    expect(matchesPattern('https://huggingface.co/papers*', 'https://huggingface.co/papers?date=2024-08-01')).toBe(true);
    expect(matchesPattern('https://huggingface.co/papers*', 'https://huggingface.co/papers/2509.24002#community')).toBe(true);
    expect(matchesPattern('https://huggingface.co/papers*', 'https://huggingface.co/models')).toBe(false);
    expect(matchesPattern('https://huggingface.co/papers*', 'http://huggingface.co/papers')).toBe(false);
    expect(matchesPattern('https://huggingface.co/papers*', 'https://huggingface.co.evil.example/papers')).toBe(false);
    expect(matchesPattern('*://*.thecvf.com/*', 'https://openaccess.thecvf.com/CVPR2024')).toBe(true);
    expect(matchesPattern('*://*.thecvf.com/*', 'http://thecvf.com/')).toBe(true);
    expect(matchesPattern('*://*.thecvf.com/*', 'https://evilthecvf.com/')).toBe(false);
    expect(matchesPattern('https://arxiv.org/abs/*', 'not a url')).toBe(false);
    expect(matchesPattern('not a pattern', 'https://arxiv.org/abs/1')).toBe(false);
  });

  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers?q=diffusion',
    'https://huggingface.co/papers/date/2026-09-28',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/2509.24002',
    'https://arxiv.org/list/cs.CL/recent?skip=50&show=50',
    'https://arxiv.org/list/math/2026',
    'https://arxiv.org/catchup/cs.CL/2026-07-27?abs=True',
    'https://arxiv.org/abs/hep-th/9901001',
    'https://arxiv.org/search/?query=distributed+systems&searchtype=all',
    'https://arxiv.org/search/advanced?advanced=1&terms-0-term=holography',
    'https://arxiv.org/search/cs?searchtype=author&query=Huang,+S',
    'https://www.arxiv.org/list/cs.CL/new',
    'https://export.arxiv.org/abs/2602.11156',
  ])('every page an adapter serves gets that site\'s content script: %s', (url) => {
    expect(siteOfPage(url)).toBe(adapterFor(url)!.name);
  });

  it.each(['https://huggingface.co/meta-llama/Llama-3.1-8B', 'https://huggingface.co/datasets', 'https://arxiv.org/', 'https://arxiv.org/help/api', 'https://arxiv.org/pdf/2602.11156'])(
    'a page that never holds papers gets nothing of it: %s',
    (url) => {
      expect(mayHoldPapers(url)).toBe(false);
    },
  );

  it('runs the router on the other pages of single-page apps only, and asks for the hosts it runs on', () => {
    expect(SPA_PAGES).toEqual(['https://huggingface.co/*']);
    expect(SITE_HOSTS).toEqual(['https://huggingface.co/*', 'https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*']);
    for (const pattern of PAPER_PAGES) expect(SITE_HOSTS.some((host) => matchesPattern(host, pattern.replace(/\*/g, 'x')))).toBe(true);
  });
});
