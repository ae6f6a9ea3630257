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

/** The page with the rebuilt stylesheet inlined into its head. */
export async function withSiteStyles(html: string, dark = false): Promise<string> {
  const css = (await tailwindFor(html)) + HF_EXTRA_CSS;
  let styled = html.replace(/<\/head>/i, `<style>${css}</style></head>`);
  if (dark) styled = styled.replace(/<html([^>]*)class="([^"]*)"/i, '<html$1class="$2 dark"');
  return styled;
}
