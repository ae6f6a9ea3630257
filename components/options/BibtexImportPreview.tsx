import { matchedToChange, type BibImportChoice, type BibImportPlan } from '@/lib/export/bibtex-import';
import { ImportCounts } from './ImportCounts';
import { ImportPaperTitles, LISTED } from './ImportPaperTitles';

/** What importing a .bib file will do: new papers, papers already in the library, and each rejected entry with its line and why. */
export function BibtexImportPreview({ plan, choice }: { plan: BibImportPlan; choice: BibImportChoice }) {
  return (
    <div class="import-preview">
      <ImportCounts
        counts={[
          { label: 'New', count: plan.added.length },
          { label: 'In library', count: plan.matched.length },
          { label: 'Rejected', count: plan.rejected.length, rejected: true },
        ]}
      />
      {plan.matched.length > 0 && <p class="hint">{matchedHint(plan.matched.length, matchedToChange(plan, choice), choice)}</p>}
      {plan.rejected.length > 0 && (
        <details class="import-rejected" open>
          <summary>Rejected entries: why, and where in the file</summary>
          <ul>
            {plan.rejected.slice(0, LISTED).map((rejection) => (
              <li key={`${rejection.line}:${rejection.key}`}>
                <code>
                  line {rejection.line} ({rejection.key || 'no key'}): {rejection.message}
                </code>
              </li>
            ))}
          </ul>
          {plan.rejected.length > LISTED && <p>…and {plan.rejected.length - LISTED} more.</p>}
        </details>
      )}
      <ImportPaperTitles label="New papers" papers={plan.added.map((paper) => paper.ref)} />
      <ImportPaperTitles label="Already in your library" papers={plan.matched.map(({ record }) => record)} />
    </div>
  );
}

/** "The 2 papers already in your library are already starred: nothing changes for them." */
function matchedHint(matched: number, toChange: number, choice: BibImportChoice): string {
  const tags = choice.tags?.length ? `tagged ${choice.tags.map((tag) => `“${tag}”`).join(', ')}` : '';
  const become = [choice.star && 'starred', choice.queue && 'in the reading queue', tags].filter(Boolean).join(' and ') || 'unchanged';
  const one = matched === 1;
  if (toChange === 0) {
    return `${one ? 'The paper' : `The ${matched} papers`} already in your library ${one ? 'is' : 'are'} already ${become}: nothing changes for ${one ? 'it' : 'them'}.`;
  }
  return `${toChange} of the ${one ? 'paper' : `${matched} papers`} already in your library will be ${become}; their titles and notes stay as they are.`;
}
