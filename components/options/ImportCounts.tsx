import { formatNumber, t, type MessageKey } from '@/lib/i18n';

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
