import { startRouter } from '@/lib/content/router';
import { PAPER_PAGES, SPA_PAGES } from '@/lib/sites/pages';

export default defineContentScript({
  // The other pages of single-page apps (Hugging Face): in-page navigation can reach a paper page
  // from them without a page load, which would not bring the content script.
  matches: [...SPA_PAGES],
  excludeMatches: [...PAPER_PAGES],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    startRouter(ctx);
  },
});
