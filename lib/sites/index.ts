import { acl } from './acl';
import { arxiv } from './arxiv';
import { cvf } from './cvf';
import { dblp } from './dblp';
import { huggingface } from './huggingface';
import { huggingfaceRepos } from './huggingface-repos';
import { findAdapter } from './match';
import { openreview } from './openreview';
import { scholar } from './scholar';
import type { SiteAdapter } from './types';

/** Every site Shelfmark reads, in the order they are tried (no URL is served by two). */
export const ADAPTERS: readonly SiteAdapter[] = [huggingface, huggingfaceRepos, arxiv, acl, dblp, scholar, openreview, cvf];

/** The adapter that serves `url`, or null when Shelfmark has nothing to do there. */
export function adapterFor(url: URL | string): SiteAdapter | null {
  return findAdapter(ADAPTERS, url);
}

export type { SiteAdapter, PageContext, SiteName } from './types';
