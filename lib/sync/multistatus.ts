import { parse, type TNode } from 'txml/txml';
import { SyncError } from './errors';
import { t } from '../i18n';

/**
 * Reads a WebDAV PROPFIND answer (207 Multi-Status, RFC 4918) with txml: each response's href, whether it
 * is a folder, its size. Servers spell the DAV: namespace with any prefix (`D:`, `d:`, none), so
 * elements are matched by local name.
 */

export interface DavEntry {
  /** The href as the server wrote it, decoded: an absolute path (or URL) on the server. */
  href: string;
  folder: boolean;
  /** Bytes, for files (getcontentlength). */
  size?: number;
  etag?: string;
}

const localName = (node: TNode) => node.tagName.slice(node.tagName.indexOf(':') + 1).toLowerCase();
const children = (node: TNode, name: string) => node.children.filter((child): child is TNode => typeof child !== 'string' && localName(child) === name);
const text = (node: TNode | undefined) => (node ? node.children.filter((child) => typeof child === 'string').join('').trim() : '');

export function parseMultistatus(xml: string): DavEntry[] {
  let roots: (TNode | string)[];
  try {
    roots = parse(xml, { decodeEntities: true, skipXmlDeclaration: true });
  } catch (cause) {
    throw new SyncError('not-webdav', t('syncListingNotXml'), { cause });
  }
  const multistatus = roots.find((node): node is TNode => typeof node !== 'string' && localName(node) === 'multistatus');
  if (!multistatus) throw new SyncError('not-webdav', t('syncListingNotWebdav'));
  const entries: DavEntry[] = [];
  for (const response of children(multistatus, 'response')) {
    const href = text(children(response, 'href')[0]);
    if (!href) continue;
    // Properties come in groups by status; only those found (200) count.
    const props = children(response, 'propstat')
      .filter((propstat) => /\s200\s/.test(` ${text(children(propstat, 'status')[0])} `))
      .flatMap((propstat) => children(propstat, 'prop'));
    const prop = (name: string) => props.flatMap((group) => children(group, name))[0];
    const resourcetype = prop('resourcetype');
    const size = Number(text(prop('getcontentlength')));
    let decoded = href;
    try {
      decoded = decodeURIComponent(href);
    } catch {
      // A malformed escape: keep the href as written.
    }
    entries.push({
      href: decoded,
      folder: resourcetype ? children(resourcetype, 'collection').length > 0 : decoded.endsWith('/'),
      size: text(prop('getcontentlength')) !== '' && Number.isFinite(size) ? size : undefined,
      etag: text(prop('getetag')) || undefined,
    });
  }
  return entries;
}
