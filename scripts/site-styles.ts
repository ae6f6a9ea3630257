import postcss from 'postcss';
import tailwindcss from 'tailwindcss';

/**
 * The saved real pages load no CSS offline (the sites' stylesheets are external). For screenshots
 * that show Shelfmark as a user sees it, this rebuilds Hugging Face's look from the page's own
 * utility classes with Tailwind, which is what the site is styled with. Screenshots only: tests
 * never depend on it.
 */
export async function tailwindFor(html: string): Promise<string> {
  const result = await postcss([
    tailwindcss({
      content: [{ raw: html, extension: 'html' }],
      darkMode: 'class',
      theme: {
        extend: {
          colors: { gray: { 350: '#b4b9c2', 850: '#141c2b', 925: '#0b0f19', 950: '#0b0f19' } },
          boxShadow: { alternate: '0 2px 4px rgb(0 0 0 / 0.06)', 'alternate-sm': '0 1px 2px rgb(0 0 0 / 0.05)' },
          fontFamily: { sans: ['"Source Sans Pro"', 'ui-sans-serif', 'system-ui', 'sans-serif'] },
        },
      },
    }),
  ]).process('@tailwind base; @tailwind components; @tailwind utilities;', { from: undefined });
  return result.css;
}

/** Hugging Face's page chrome that the rebuilt CSS cannot know: the page background in each theme. */
export const HF_EXTRA_CSS = `
body { background: #fff; }
html.dark body { background: #0b0f19; color: #e5e7eb; }
.from-gray-50-to-white { --tw-gradient-from: #f9fafb; --tw-gradient-to: #fff; --tw-gradient-stops: var(--tw-gradient-from), var(--tw-gradient-to); }
html.dark .from-gray-50-to-white { --tw-gradient-from: #111827; --tw-gradient-to: #0b0f19; }
/* 2026 class names of Tailwind 4 for what Tailwind 3 calls bg-gradient-to-* */
.bg-linear-to-b { background-image: linear-gradient(to bottom, var(--tw-gradient-stops)); }
.bg-linear-to-br { background-image: linear-gradient(to bottom right, var(--tw-gradient-stops)); }
`;

/**
 * arXiv's look, approximated by hand (its stylesheets are on arxiv.org): the red header, the
 * sans-serif text and the spacing of listing entries. Only what a screenshot needs.
 */
export const ARXIV_CSS = `
body { margin: 0; font: 15px/1.45 "Lucida Grande", Helvetica, Arial, sans-serif; color: #000; background: #fff; }
a { color: #0066cc; text-decoration: none; }
.ds-skip-link, .is-sr-only, .ds-site-header-nav-toggle, .arxiv-search-overlay, footer, .ds-site-footer { display: none; }
.ds-site-header { display: flex; align-items: center; justify-content: space-between; background: #b31b1b; padding: 10px 24px; }
.ds-site-header-logo img { display: none; }
.ds-site-header-logo::before { content: "arXiv"; color: #fff; font: bold 28px Georgia, serif; }
.ds-site-header-nav { display: flex; gap: 20px; align-items: center; }
.ds-site-header-nav a { color: #fff; }
.ds-nav-icon { width: 14px; height: 14px; vertical-align: -2px; }
main { display: block; padding: 8px 32px; max-width: 1100px; }
#dlpage h1 { font-size: 24px; margin: 12px 0 4px; }
#dlpage h2 { font-size: 17px; font-weight: normal; margin: 0 0 8px; }
#dlpage > ul { display: flex; gap: 12px; list-style: none; padding: 0; font-size: 13px; }
.paging, .morefewer { font-size: 13px; margin: 4px 0; }
dl#articles h3 { font-size: 16px; border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 20px; }
dl#articles dt { margin-top: 14px; font-size: 14px; }
dl#articles dd { margin: 2px 0 0 32px; }
.list-title { font-size: 17px; font-weight: bold; line-height: 1.3; }
.list-title .descriptor, .list-authors .descriptor, .list-subjects .descriptor, .list-comments .descriptor { display: none; }
.list-authors { font-size: 14px; margin: 2px 0; }
.list-comments, .list-subjects { font-size: 13px; color: #333; }
.primary-subject { font-weight: bold; }
`;

/** The page with the rebuilt stylesheet inlined into its head. */
export async function withSiteStyles(html: string, dark = false): Promise<string> {
  const css = (await tailwindFor(html)) + HF_EXTRA_CSS;
  let styled = html.replace(/<\/head>/i, `<style>${css}</style></head>`);
  if (dark) styled = styled.replace(/<html([^>]*)class="([^"]*)"/i, '<html$1class="$2 dark"');
  return styled;
}
