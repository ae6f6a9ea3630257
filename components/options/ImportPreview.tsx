import type { ImportPlan } from '@/lib/export/backup-import';
import { ImportPaperTitles, LISTED } from './ImportPaperTitles';

/** What importing a backup will do: how many papers are new, updated, unchanged and rejected, and which. */
export function ImportPreview({ plan }: { plan: ImportPlan }) {
  return (
    <div class="import-preview">
      <dl class="import-counts">
        <div>
          <dt>New</dt>
          <dd>{plan.added.length}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{plan.updated.length}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{plan.unchanged.length}</dd>
        </div>
        <div class={plan.rejected.length > 0 ? 'rejected' : ''}>
          <dt>Rejected</dt>
          <dd>{plan.rejected.length}</dd>
        </div>
      </dl>
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
