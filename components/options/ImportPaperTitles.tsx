import type { PaperRecord } from '@/lib/store/db';
import { t, type MessageKey } from '@/lib/i18n';

/** Lists longer than this are cut short; the counts shown with them stay exact. */
export const LISTED = 100;

/** A folded list of the titles of papers an import adds or updates. */
export function ImportPaperTitles({ label, papers }: { label: MessageKey; papers: readonly Pick<PaperRecord, 'id' | 'title'>[] }) {
  if (papers.length === 0) return null;
  return (
    <details class="import-titles">
      <summary>
        {t('importTitlesSummary', t(label), papers.length)}
      </summary>
      <ul>
        {papers.slice(0, LISTED).map((paper) => (
          <li key={paper.id}>{paper.title}</li>
        ))}
      </ul>
      {papers.length > LISTED && <p>{t('importAndMore', papers.length - LISTED)}</p>}
    </details>
  );
}
