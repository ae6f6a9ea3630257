/**
 * Stands in for `node-fetch` and `sync-fetch` in the build (wxt.config.ts): Citation.js's core can
 * fetch remote files with them, which Shelfmark never asks of it (it parses the text of a file the
 * user picked). The stand-in keeps their code, and any way to reach the network, out of the extension.
 */
export default function fetchRefused(): never {
  throw new Error('Shelfmark does not fetch remote files.');
}

export class Headers {}
