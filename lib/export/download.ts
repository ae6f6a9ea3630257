import type { ExportFile } from './formats';

/**
 * Saves a file from an extension page (popup, options) without the `downloads` permission: a Blob
 * URL clicked through an `<a download>`. The URL is revoked a minute later rather than at once, so
 * a browser that reads the blob after the click returns still finds it.
 */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
