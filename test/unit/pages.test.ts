import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { HOSTS_BY_SITE } from '@/lib/sites/hosts';
import { linksMayNamePaper } from '@/lib/sites/link-hint';
import { matchesPattern, PAPER_PAGES, roleOf, siteHosts, SITE_PAGES, SPA_PAGES } from '@/lib/sites/pages';

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
    'https://arxiv.org/html/2603.02438v1',
    'https://aclanthology.org/volumes/2024.acl-long/',
    'https://aclanthology.org/events/acl-2019/',
    'https://aclanthology.org/people/a/andreas-madsack/',
    'https://aclanthology.org/people/andreas-madsack/',
    'https://aclanthology.org/2021.naacl-main.208/',
    'https://aclanthology.org/N04-1001/',
    'https://aclanthology.org/W19-4201',
    'https://dblp.org/search?q=calefato',
    'https://dblp.org/pid/299/8187.html',
    'https://dblp.org/db/conf/acl/acl2023-1.html',
    'https://dblp.org/rec/conf/esem/CalefatoQLK23.html',
    'https://scholar.google.com/scholar?q=transformers',
    'https://scholar.google.co.jp/scholar?q=deep+learning&hl=en',
    'https://scholar.google.de/scholar?hl=de&q=transformers',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://openreview.net/forum?id=YicbFdNTTy',
    'https://openaccess.thecvf.com/CVPR2024?day=all',
    'https://openaccess.thecvf.com/ICCV2015',
    'https://openaccess.thecvf.com/CVPR2019_workshops/CVPR2019_CEFRL',
    'https://openaccess.thecvf.com/content/CVPR2024/html/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.html',
    'https://openaccess.thecvf.com/content_iccv_2015/html/He_Delving_Deep_into_ICCV_2015_paper.html',
  ])('every page an adapter serves gets that site\'s content script: %s', (url) => {
    expect(roleOf(url)).toEqual({ site: adapterFor(url)!.name, role: 'papers' });
  });

  it.each([
    // Hugging Face's model, dataset and Space pages: the papers they link (lib/sites/huggingface-repos.ts).
    'https://huggingface.co/meta-llama/Llama-3.1-8B',
    'https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main',
    'https://huggingface.co/datasets/HuggingFaceFW/fineweb',
    'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard',
  ])('a page that holds papers only by linking them gets the router, then the content script on request: %s', (url) => {
    // No content script is declared for it: the manifest leaves it to the router.
    expect(PAPER_PAGES.some((pattern) => matchesPattern(pattern, url))).toBe(false);
    expect(roleOf(url)).toEqual({ site: adapterFor(url)!.name, role: 'linking' });
    expect(SPA_PAGES.some((pattern) => matchesPattern(pattern, url))).toBe(true);
  });

  it('tells a page that links a paper from one that links none, by its links\' addresses alone', () => {
    const page = (links: string[], base = 'https://huggingface.co/meta-llama/Llama-3.1-8B') => {
      const doc = document.implementation.createHTMLDocument('model');
      doc.head.innerHTML = `<base href="${base}">`;
      doc.body.innerHTML = links.map((href) => `<a href="${href}">x</a>`).join('');
      return doc;
    };
    // Hugging Face's own navigation links its daily papers, which name no paper.
    expect(linksMayNamePaper(page(['https://huggingface.co/papers', 'https://huggingface.co/papers?date=2024-08-01', 'https://github.com/meta-llama/llama3', '/docs/hub']))).toBe(false);
    expect(linksMayNamePaper(page(['https://huggingface.co/papers/2407.21783']))).toBe(true);
    expect(linksMayNamePaper(page([]))).toBe(false);
    expect(linksMayNamePaper(page(['/docs', 'https://arxiv.org/abs/2407.21783']))).toBe(true);
    expect(linksMayNamePaper(page(['https://doi.org/10.18653/v1/2024.acl-long.1']))).toBe(true);
    // Written relative, or in capitals: the address the link resolves to is what is tested.
    expect(linksMayNamePaper(page(['/papers/2407.21783']))).toBe(true);
    expect(linksMayNamePaper(page(['/papers?date=2024-08-01', '/papers/trending']))).toBe(true); // may: the adapter decides
    expect(linksMayNamePaper(page(['HTTPS://ARXIV.ORG/ABS/2407.21783']))).toBe(true);
    // Only what a link says: a page whose own address has "arxiv" in it lends it to no relative link.
    expect(linksMayNamePaper(page(['/docs', 'tree/main'], 'https://huggingface.co/arxiv-community/model'))).toBe(false);
  });

  it.each([
    'https://huggingface.co/meta-llama', 'https://huggingface.co/datasets', 'https://huggingface.co/', 'https://arxiv.org/', 'https://arxiv.org/help/api', 'https://arxiv.org/pdf/2602.11156',
    'https://aclanthology.org/', 'https://aclanthology.org/faq/', 'https://dblp.org/', 'https://dblp.org/faq/index.html',
    'https://scholar.google.com/', 'https://scholar.google.com/citations?user=abc', 'https://openreview.net/', 'https://openreview.net/profile?id=~A_B1',
    'https://openaccess.thecvf.com/menu',
  ])(
    'a page that never holds papers gets nothing of it: %s',
    (url) => {
      expect(PAPER_PAGES.some((pattern) => matchesPattern(pattern, url))).toBe(false);
      expect(roleOf(url)).toBeNull();
    },
  );

  it('declares each site\'s pages on its own hosts only (roleOf checks a page against its host\'s site alone)', () => {
    for (const [site, pages] of Object.entries(SITE_PAGES)) {
      for (const pattern of [...pages.papers, ...(pages.linking ?? []), ...(pages.spa ?? [])]) {
        const host = /^https:\/\/([^/*]+)\//.exec(pattern)?.[1];
        expect(host, pattern).toBeDefined();
        expect(HOSTS_BY_SITE[site as keyof typeof HOSTS_BY_SITE], pattern).toContain(host);
      }
      // A page of each pattern is that site's, on every Scholar country domain as on any other host.
      for (const pattern of [...pages.papers, ...(pages.linking ?? [])]) expect(roleOf(pattern.replace(/\*/g, 'x'))?.site, pattern).toBe(site);
    }
    expect(roleOf('https://scholar.google.co.jp/scholar?q=attention')).toEqual({ site: 'scholar', role: 'papers' });
    expect(roleOf('https://scholar.google.co.jp/citations?user=x')).toBeNull();
    expect(roleOf('https://example.org/scholar?q=attention')).toBeNull();
  });

  it('runs the router on the other pages of single-page apps only, and asks for the hosts it runs on', () => {
    expect(SPA_PAGES).toEqual(['https://huggingface.co/*', 'https://openreview.net/*']);
    expect(siteHosts().filter((host) => !host.startsWith('https://scholar.google.'))).toEqual([
      'https://huggingface.co/*', 'https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*',
      'https://aclanthology.org/*', 'https://dblp.org/*', 'https://openreview.net/*', 'https://openaccess.thecvf.com/*',
    ]);
    // Google Scholar on each of Google's domains (a match pattern cannot say "any top-level domain").
    expect(siteHosts().filter((host) => host.startsWith('https://scholar.google.'))).toHaveLength(HOSTS_BY_SITE.scholar.length);
    for (const pattern of PAPER_PAGES) expect(siteHosts().some((host) => matchesPattern(host, pattern.replace(/\*/g, 'x')))).toBe(true);
  });
});
