import { arxiv } from './arxiv';
import { huggingface } from './huggingface';
import { findAdapter } from './match';
import type { SiteAdapter } from './types';

/** Every site Shelfmark reads, in the order they are tried. */
export const ADAPTERS: readonly SiteAdapter[] = [huggingface, arxiv];

/** The adapter that serves `url`, or null when Shelfmark has nothing to do there. */
export function adapterFor(url: URL | string): SiteAdapter | null {
  return findAdapter(ADAPTERS, url);
}

export type { SiteAdapter, PageContext, SiteName } from './types';
