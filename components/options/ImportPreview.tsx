import type { ImportPlan } from '@/lib/export/backup-import';
import { ImportCounts } from './ImportCounts';
import { ImportPaperTitles, LISTED } from './ImportPaperTitles';
import { t } from '@/lib/i18n';

/** What importing a backup will do: how many papers are new, updated, unchanged and rejected, and which. */
export function ImportPreview({ plan }: { plan: ImportPlan }) {
  return (
    <div class="import-preview">
      <ImportCounts
        counts={[
          { label: 'importCountNew', count: plan.added.length },
          { label: 'importCountUpdated', count: plan.updated.length },
          { label: 'importCountUnchanged', count: plan.unchanged.length },
          { label: 'importCountRejected', count: plan.rejected.length, rejected: true },
        ]}
      />
      {plan.rejected.length > 0 && (
        <details class="import-rejected" open>
          <summary>{t('importRejectedPapers')}</summary>
          <ul>
            {plan.rejected.slice(0, LISTED).map((rejection) => (
              <li key={rejection.index}>
                <code>{rejection.message}</code>
              </li>
            ))}
          </ul>
          {plan.rejected.length > LISTED && <p>{t('importAndMore', plan.rejected.length - LISTED)}</p>}
        </details>
      )}
      <ImportPaperTitles label="importNewPapers" papers={plan.added} />
      <ImportPaperTitles label="importUpdatedPapers" papers={plan.updated} />
    </div>
  );
}
