import type { SiteCards } from './types';

/**
 * The adapter among `adapters` that serves `url`, or null when none does. Apart from the list of
 * every adapter (index.ts): a site's content script bundles its own adapter only.
 */
export function findAdapter<Adapter extends SiteCards>(adapters: readonly Adapter[], url: URL | string): Adapter | null {
  const parsed = typeof url === 'string' ? safeUrl(url) : url;
  if (!parsed) return null;
  return adapters.find((adapter) => adapter.matches(parsed)) ?? null;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
