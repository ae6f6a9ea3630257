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

/*
 * The other sites' looks, approximated by hand in the same way (their stylesheets are on their
 * hosts): fonts, colours and spacing of the listings the screenshots show. Screenshots only.
 */

/** The ACL Anthology (Bootstrap: the light navbar, blue links, the pdf/bib/abs badges). */
export const ACL_CSS = `
body { margin: 0; font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #212529; background: #fff; }
a { color: #007bff; text-decoration: none; }
nav.navbar { background: #f8f9fa; border-bottom: 1px solid #dee2e6; padding: 8px 10%; margin-bottom: 24px; box-shadow: 0 1px 2px rgb(0 0 0 / 0.08); }
.navbar-brand img, .navbar-toggler, .navbar-collapse, form { display: none !important; }
.navbar-brand span { font-size: 20px; color: #212529; }
#main-container { max-width: 1140px; margin: 0 auto; padding: 0 15px; }
h2#title { font-size: 32px; font-weight: 400; margin: 0 0 8px; }
h4 { font-size: 24px; font-weight: 500; margin: 24px 0 12px; }
hr { border: 0; border-top: 1px solid #dee2e6; }
.row { display: flex; } .col-lg-9 { flex: 0 0 75%; } .col-lg-3 { display: none; }
.d-sm-flex { display: flex; align-items: stretch; margin-bottom: 16px; }
.d-block { display: block; } .list-button-row { margin-right: 8px; white-space: nowrap; min-width: 96px; }
.d-inline, .d-sm-block { display: block; }
.badge { display: inline-block; padding: 2px 6px; margin-right: 3px; font-size: 12px; font-weight: 700; border-radius: 4px; color: #fff; }
.text-bg-primary, .badge-primary { background: #007bff; } .text-bg-secondary, .badge-secondary { background: #6c757d; }
.text-bg-info, .badge-info { background: #17a2b8; } .text-bg-attachment, .badge-attachment { background: #f8c555; color: #212529; }
.text-muted { color: #6c757d !important; } .fas, .far, .fab { display: none; }
.collapse:not(.show), .abstract-collapse { display: none; }
strong a { font-weight: 700; }
.acl-fixed-case { font-variant: normal; }
footer { display: none; }
`;

/** dblp (its grey type boxes, the citation block, the entry menu icons). */
export const DBLP_CSS = `
body { margin: 0; font: 14px/1.45 "Trebuchet MS", Helvetica, Arial, sans-serif; color: #000; background: #fff; }
a { color: #1a53a4; text-decoration: none; }
/* The search page: only its publication results (the banner, search box, facets, people and venue hits go). */
#banner, #logo, header#headline, nav.side, #mirror-selector, #breadcrumbs, #completesearch-help, .columns, #completesearch-facets, #completesearch-info-matches, .hide-head nav, footer, .tts-button { display: none !important; }
img, form, .drop-down > .body { display: none !important; }
#main { max-width: 1100px; margin: 0 auto; padding: 12px 24px; }
#main::before { content: "dblp"; display: block; font: bold 26px "Trebuchet MS", sans-serif; color: #1a53a4; padding: 8px 0; border-bottom: 3px solid #1a53a4; }
h2 { font-size: 18px; font-weight: bold; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
ul.publ-list { list-style: none; padding: 0; }
li.year { font-weight: bold; background: #e8ecef; padding: 2px 8px; margin: 12px 0 6px; }
li.entry { position: relative; padding: 6px 8px 6px 52px; border-bottom: 1px solid #eee; }
li.entry .box { position: absolute; left: 8px; top: 8px; width: 30px; height: 30px; background: #c2c2c2; }
li.entry.informal .box { background: #bfcbd7; } li.entry.article .box { background: #b9d3ac; } li.entry.inproceedings .box { background: #c3d7e6; }
li.entry .box img, li.entry .nr { display: none; }
nav.publ { float: right; } nav.publ > ul { list-style: none; display: flex; gap: 4px; margin: 0; padding: 0; }
nav.publ .head img { display: none; } nav.publ .head a::before { content: "▣"; color: #8aa; }
nav.publ .body { display: none; }
cite { font-style: normal; display: block; }
.title { font-weight: bold; }
.this-person { text-decoration: underline; }
`;

/** Google Scholar (Arial, the green byline, the blue titles, the actions row). */
export const SCHOLAR_CSS = `
body { margin: 0; font: 13px/1.24 Arial, sans-serif; color: #222; background: #fff; }
a { color: #1a0dab; text-decoration: none; }
#gs_hdr, #gs_ab, #gs_bdy_sb, #gs_ftr, #gs_captcha_ccl, form { display: none !important; }
#gs_top { max-width: 900px; padding: 24px 0 24px 160px; }
.gs_r { margin: 0 0 22px; position: relative; }
.gs_ggs { float: right; width: 160px; margin-left: 16px; font-size: 13px; }
.gs_ggs a { color: #1a0dab; } .gs_ctg2 { color: #1a0dab; font-weight: bold; }
h3.gs_rt { font-size: 17px; font-weight: normal; line-height: 20px; margin: 0 0 2px; }
h3.gs_rt .gs_ct1, h3.gs_rt .gs_ctu .gs_ct2, h3.gs_rt .gs_ctc .gs_ct2 { font-size: 13px; color: #222; }
h3.gs_rt .gs_ct2 { display: none; }
.gs_a { color: #006621; margin-bottom: 2px; }
.gs_rs { color: #222; line-height: 1.46; margin-bottom: 2px; }
.gs_fl { color: #777; } .gs_fl a { color: #1a0dab; margin-right: 12px; }
.gs_or_svg { width: 15px; height: 16px; fill: #777; vertical-align: middle; }
.gs_or_mor, .gs_nvi, .gs_alrt_btm { display: none !important; }
`;

/** OpenReview (its dark red header, serif-free note list, grey meta line). */
export const OPENREVIEW_CSS = `
body { margin: 0; font: 15px/1.4 "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: #333; background: #fff; }
a { color: #4d8093; text-decoration: none; }
nav.navbar { background: #8c1b13; padding: 12px 24px; }
nav.navbar a { color: #fff; font-size: 18px; }
main { max-width: 980px; margin: 0 auto; padding: 16px 24px; }
.venue-header h1 { font-size: 26px; margin: 8px 0 0; } .venue-header h3 { font-size: 16px; color: #777; margin: 4px 0 8px; font-weight: normal; }
.description { font-size: 14px; color: #555; }
ul.nav-tabs { list-style: none; display: flex; gap: 4px; padding: 0; border-bottom: 1px solid #ddd; }
ul.nav-tabs li a { display: block; padding: 8px 14px; color: #555; }
ul.nav-tabs li.active a { border: 1px solid #ddd; border-bottom-color: #fff; margin-bottom: -1px; background: #fff; color: #333; }
.tab-pane { display: none; } .tab-pane.active { display: block; }
ul.submissions-list { list-style: none; padding: 0; }
ul.submissions-list > li { padding: 12px 0; border-bottom: 1px solid #eee; }
.note h4 { font-size: 17px; margin: 0 0 4px; font-weight: bold; } .note h4 a { color: #8c1b13; }
.pdf-link img { width: 16px; height: 16px; margin-left: 6px; vertical-align: -2px; }
.note-authors { font-size: 14px; color: #333; margin-bottom: 4px; }
.note-meta-info { list-style: none; padding: 0; display: flex; gap: 12px; font-size: 12px; color: #888; margin: 0; }
.collapse-widget, .readers { display: none; }
`;

/** CVF open access (the all-papers listing: a plain list, bold titles, bracketed links). */
export const CVF_CSS = `
body { margin: 0; font: 14px/1.4 "Times New Roman", serif; color: #000; background: #fff; }
a { color: #0000ee; }
#header { display: flex; align-items: center; gap: 24px; padding: 8px 24px; border-bottom: 1px solid #ccc; }
#header_left img { display: none; } #header_title { font-size: 28px; font-weight: bold; } #header_title a { color: #000; text-decoration: none; }
#help, #disclaimer, #header_right form { display: none; }
#content { padding: 8px 32px; max-width: 1100px; }
dl { margin: 0; }
dt.ptitle { font-size: 17px; font-weight: bold; margin-top: 14px; }
dt.ptitle br { display: none; } dt.ptitle a { color: #000; text-decoration: none; }
dd { margin: 2px 0 0 24px; }
form.authsearch { display: inline; } form.authsearch a { color: #000; font-style: italic; text-decoration: none; }
.bibref { display: none; } .link2 { display: inline; }
`;

/** An arXiv HTML paper (ar5iv's look: the red header, a centred column), light and dark (html[data-theme]). */
export const ARXIV_HTML_CSS = `
body { margin: 0; font: 17px/1.6 "Noto Serif", Georgia, serif; color: #111; background: #fff; }
html[data-theme="dark"] body { color: #e4e4e4; background: #1b1b1f; }
a { color: #2a6fb0; }
html[data-theme="dark"] a { color: #8ab4f8; }
header.desktop_header { display: flex; align-items: center; justify-content: space-between; background: #b31b1b; padding: 8px 24px; font: 14px Arial, sans-serif; }
header.desktop_header a { color: #fff; margin-left: 18px; text-decoration: none; }
.html-header-message { display: none; } .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.html-header-logo a::before { content: "arXiv"; font: bold 22px Georgia, serif; color: #fff; }
.ltx_page_main { max-width: 860px; margin: 0 auto; padding: 24px; }
h1.ltx_title_document { font-size: 30px; line-height: 1.25; margin: 12px 0 16px; }
.ltx_authors { font-size: 15px; margin-bottom: 18px; } .ltx_creator { display: inline-block; margin-right: 24px; }
.ltx_personname br + * , .ltx_font_typewriter { display: block; font-size: 13px; color: #777; }
.ltx_abstract { margin: 0 32px 24px; font-size: 15px; } .ltx_title_abstract { text-align: center; font-size: 15px; margin: 0 0 6px; }
h2.ltx_title_section, h2.ltx_title_bibliography { font-size: 22px; }
.ltx_biblist { font-size: 14px; }
`;
