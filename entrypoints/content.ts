import { startContentScript } from '@/lib/content';

export default defineContentScript({
  // Whole sites, not just listing paths: Hugging Face navigates in-page, so the script must already
  // be there when the user reaches /papers. The site adapters decide, per URL, what to annotate.
  matches: ['https://huggingface.co/*', 'https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*'],
  // From the start of parsing: controls are mounted as the cards arrive, before they are first
  // painted, so nothing on the page jumps (see Annotator.start).
  runAt: 'document_start',
  main(ctx) {
    startContentScript(ctx);
  },
});
