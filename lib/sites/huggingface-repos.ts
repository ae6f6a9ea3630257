import { generic, genericCards } from './generic';
import { withReader, type SiteAdapter, type SiteCards } from './types';

/**
 * Hugging Face's model, dataset and Space pages (`/<owner>/<name>`, `/datasets/<owner>/<name>`,
 * `/spaces/<owner>/<name>`, and their tabs): the papers they link (the `arxiv:` tags of the header,
 * the model card's citations, "Paper for …") get the same controls as on any page, read by the
 * generic adapter. Paper pages and listings are lib/sites/huggingface.ts's.
 *
 * Examples: /meta-llama/Llama-3.1-8B, /meta-llama/Llama-3.1-8B/tree/main, /datasets/HuggingFaceFW/fineweb,
 * /spaces/open-llm-leaderboard/open_llm_leaderboard. Not: /papers/2504.06261, /models, /docs/hub, /meta-llama.
 */
const REPO = /^\/(?:(?:datasets|spaces)\/)?([^/]+)\/[^/]+(?:\/.*)?$/;
/** First segments of Hugging Face's own pages: never an owner. */
const RESERVED = new Set([
  'papers', 'docs', 'blog', 'models', 'datasets', 'spaces', 'settings', 'login', 'join', 'pricing', 'organizations',
  'collections', 'posts', 'learn', 'tasks', 'chat', 'api', 'new', 'notifications', 'enterprise', 'search',
]);

export const huggingfaceReposCards: SiteCards = {
  ...genericCards,
  name: 'huggingface',
  label: 'Hugging Face',
  matches(url) {
    if (url.hostname !== 'huggingface.co') return false;
    const owner = REPO.exec(url.pathname)?.[1];
    return owner !== undefined && !RESERVED.has(owner);
  },
};

/** The whole adapter: its cards' papers are read as on any page. */
export const huggingfaceRepos: SiteAdapter = /* @__PURE__ */ withReader(huggingfaceReposCards, (card, page) => generic.readCard(card, page));
