import { formatNumber, joinList, plural, t, type MessageKey } from '@/lib/i18n';

/** An import preview's counts, one box each; a count of rejected entries is marked when not zero. */
export function ImportCounts({ counts }: { counts: readonly { label: MessageKey; count: number; rejected?: boolean }[] }) {
  return (
    <dl class="import-counts">
      {counts.map(({ label, count, rejected }) => (
        <div key={label} class={rejected && count > 0 ? 'rejected' : ''}>
          <dt>{t(label)}</dt>
          <dd>{formatNumber(count)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What an import did, once done: "Imported x.json: 3 new papers, 1 updated paper, 2 unchanged[, 1 rejected]." */
export function ImportDone(props: { fileName: string; added: number; updated: number; updatedKey: 'importDoneUpdated' | 'bibImportDoneUpdated'; unchanged: number; rejected: number }) {
  const { fileName, added, updated, updatedKey, unchanged, rejected } = props;
  const parts = [plural('importDoneNew', added), plural(updatedKey, updated), t('importDoneUnchanged', unchanged)];
  if (rejected > 0) parts.push(t('importDoneRejected', rejected));
  return (
    <p class="import-done" role="status">
      {t('importDone', fileName, joinList(parts))}
    </p>
  );
}
