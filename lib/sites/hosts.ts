import type { SiteName } from './types';

/**
 * The hosts Shelfmark reads, per site: each is a permission the user grants (the content scripts'
 * match patterns are made from this list, lib/sites/pages.ts), so each is here because papers
 * are listed there. Pure data, no imports at run time: the page-side router can use it as is.
 */

/**
 * Google's country domains (the list Google publishes at google.com/supported_domains): Google
 * Scholar answers on scholar.<each of them>, and sends many users to their country's. Match
 * patterns cannot say "any top-level domain", so they are listed.
 */
// Pure (`@__PURE__`): a content script whose site is not Scholar leaves the list out.
const GOOGLE_DOMAINS = /* @__PURE__ */ (
  'google.com google.ad google.ae google.com.af google.com.ag google.al google.am google.co.ao ' +
  'google.com.ar google.as google.at google.com.au google.az google.ba google.com.bd google.be google.bf ' +
  'google.bg google.com.bh google.bi google.bj google.com.bn google.com.bo google.com.br google.bs ' +
  'google.bt google.co.bw google.by google.com.bz google.ca google.cd google.cf google.cg google.ch ' +
  'google.ci google.co.ck google.cl google.cm google.cn google.com.co google.co.cr google.com.cu ' +
  'google.cv google.com.cy google.cz google.de google.dj google.dk google.dm google.com.do google.dz ' +
  'google.com.ec google.ee google.com.eg google.es google.com.et google.fi google.com.fj google.fm ' +
  'google.fr google.ga google.ge google.gg google.com.gh google.com.gi google.gl google.gm google.gr ' +
  'google.com.gt google.gy google.com.hk google.hn google.hr google.ht google.hu google.co.id google.ie ' +
  'google.co.il google.im google.co.in google.iq google.is google.it google.je google.com.jm google.jo ' +
  'google.co.jp google.co.ke google.com.kh google.ki google.kg google.co.kr google.com.kw google.kz ' +
  'google.la google.com.lb google.li google.lk google.co.ls google.lt google.lu google.lv google.com.ly ' +
  'google.co.ma google.md google.me google.mg google.mk google.ml google.com.mm google.mn google.com.mt ' +
  'google.mu google.mv google.mw google.com.mx google.com.my google.co.mz google.com.na google.com.ng ' +
  'google.com.ni google.ne google.nl google.no google.com.np google.nr google.nu google.co.nz ' +
  'google.com.om google.com.pa google.com.pe google.com.pg google.com.ph google.com.pk google.pl ' +
  'google.pn google.com.pr google.ps google.pt google.com.py google.com.qa google.ro google.ru google.rw ' +
  'google.com.sa google.com.sb google.sc google.se google.com.sg google.sh google.si google.sk ' +
  'google.com.sl google.sn google.so google.sm google.sr google.st google.com.sv google.td google.tg ' +
  'google.co.th google.com.tj google.tl google.tm google.tn google.to google.com.tr google.tt ' +
  'google.com.tw google.co.tz google.com.ua google.co.ug google.co.uk google.com.uy google.co.uz ' +
  'google.com.vc google.co.ve google.co.vi google.com.vn google.vu google.ws google.rs google.co.za ' +
  'google.co.zm google.co.zw google.cat'
).split(' ');

// The hosts of each site whose adapter checks them, on their own: the adapter names its own list, so a
// site's content script carries no other's (Hugging Face's and arXiv's adapters match theirs by pattern).
export const ACL_HOSTS: readonly string[] = ['aclanthology.org'];
export const DBLP_HOSTS: readonly string[] = ['dblp.org'];
export const SCHOLAR_HOSTS: readonly string[] = /* @__PURE__ */ GOOGLE_DOMAINS.map((domain) => `scholar.${domain}`);
export const OPENREVIEW_HOSTS: readonly string[] = ['openreview.net'];
export const CVF_HOSTS: readonly string[] = ['openaccess.thecvf.com'];

export const HOSTS_BY_SITE: Readonly<Record<SiteName, readonly string[]>> = {
  huggingface: ['huggingface.co'],
  arxiv: ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'],
  acl: ACL_HOSTS,
  dblp: DBLP_HOSTS,
  scholar: SCHOLAR_HOSTS,
  openreview: OPENREVIEW_HOSTS,
  cvf: CVF_HOSTS,
  // Any page the user asks for: no host of its own (lib/sites/generic.ts).
  generic: [],
};

/** True when `host` is one of `site`'s hosts. */
export function isSiteHost(site: SiteName, host: string): boolean {
  return isHostIn(HOSTS_BY_SITE[site], host);
}

/** True when `host` is one of `hosts` (a site's list above). */
export function isHostIn(hosts: readonly string[], host: string): boolean {
  return hosts.includes(host.toLowerCase());
}
