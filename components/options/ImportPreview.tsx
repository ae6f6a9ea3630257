import type { ImportPlan } from '@/lib/export/backup-import';
import { ImportCounts } from './ImportCounts';
import { ImportPaperTitles, LISTED } from './ImportPaperTitles';

/** What importing a backup will do: how many papers are new, updated, unchanged and rejected, and which. */
export function ImportPreview({ plan }: { plan: ImportPlan }) {
  return (
    <div class="import-preview">
      <ImportCounts
        counts={[
          { label: 'New', count: plan.added.length },
          { label: 'Updated', count: plan.updated.length },
          { label: 'Unchanged', count: plan.unchanged.length },
          { label: 'Rejected', count: plan.rejected.length, rejected: true },
        ]}
      />
      {plan.rejected.length > 0 && (
        <details class="import-rejected" open>
          <summary>Rejected papers: what is wrong and where in the file</summary>
          <ul>
            {plan.rejected.slice(0, LISTED).map((rejection) => (
              <li key={rejection.index}>
                <code>{rejection.message}</code>
              </li>
            ))}
          </ul>
          {plan.rejected.length > LISTED && <p>…and {plan.rejected.length - LISTED} more.</p>}
        </details>
      )}
      <ImportPaperTitles label="New papers" papers={plan.added} />
      <ImportPaperTitles label="Updated papers" papers={plan.updated} />
    </div>
  );
}
