import { startContentScript } from '@/lib/content';

export default defineContentScript({
  // Whole sites, not just listing paths: Hugging Face navigates in-page, so the script must already
  // be there when the user reaches /papers. The site adapters decide, per URL, what to annotate.
  matches: ['https://huggingface.co/*', 'https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx);
  },
});
