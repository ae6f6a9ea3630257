import { acl } from './acl';
import { arxiv } from './arxiv';
import { cvf } from './cvf';
import { dblp } from './dblp';
import { huggingface } from './huggingface';
import { huggingfaceRepos } from './huggingface-repos';
import { openreview } from './openreview';
import { scholar } from './scholar';
import type { SiteAdapter } from './types';

/** Every site Shelfmark reads, in the order they are tried (no URL is served by two). */
export const ADAPTERS: readonly SiteAdapter[] = [huggingface, huggingfaceRepos, arxiv, acl, dblp, scholar, openreview, cvf];

/** The adapter that serves `url`, or null when Shelfmark has nothing to do there. */
export function adapterFor(url: URL | string): SiteAdapter | null {
  const parsed = typeof url === 'string' ? safeUrl(url) : url;
  if (!parsed) return null;
  return ADAPTERS.find((adapter) => adapter.matches(parsed)) ?? null;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

export type { SiteAdapter, PageContext, SiteName } from './types';
