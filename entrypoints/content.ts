import { startContentScript } from '@/lib/content';
import { contentScriptMatches } from '@/lib/sites/hosts';

export default defineContentScript({
  // Whole sites, not just listing paths: Hugging Face and OpenReview navigate in-page, so the script
  // must already be there when the user reaches a listing. The site adapters decide, per URL, what
  // to annotate. Every host is in lib/sites/hosts.ts, with why it is there.
  matches: contentScriptMatches(),
  // From the start of parsing: controls are mounted as the cards arrive, before they are first
  // painted, so nothing on the page jumps (see Annotator.start).
  runAt: 'document_start',
  main(ctx) {
    startContentScript(ctx);
  },
});
