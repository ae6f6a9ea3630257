import { matchedToChange, type BibImportChoice, type BibImportPlan } from '@/lib/export/bibtex-import';
import { ImportCounts } from './ImportCounts';
import { ImportPaperTitles, LISTED } from './ImportPaperTitles';
import { joinList, plural, t } from '@/lib/i18n';

/** What importing a .bib file will do: new papers, papers already in the library, and each rejected entry with its line and why. */
export function BibtexImportPreview({ plan, choice }: { plan: BibImportPlan; choice: BibImportChoice }) {
  return (
    <div class="import-preview">
      <ImportCounts
        counts={[
          { label: 'importCountNew', count: plan.added.length },
          { label: 'importCountInLibrary', count: plan.matched.length },
          { label: 'importCountRejected', count: plan.rejected.length, rejected: true },
        ]}
      />
      {plan.matched.length > 0 && <p class="hint">{matchedHint(plan.matched.length, matchedToChange(plan, choice), choice)}</p>}
      {plan.rejected.length > 0 && (
        <details class="import-rejected" open>
          <summary>{t('importRejectedEntries')}</summary>
          <ul>
            {plan.rejected.slice(0, LISTED).map((rejection) => (
              <li key={`${rejection.line}:${rejection.key}`}>
                <code>
                  {t('importRejectedEntry', rejection.line, rejection.key || t('importNoKey'), rejection.message)}
                </code>
              </li>
            ))}
          </ul>
          {plan.rejected.length > LISTED && <p>{t('importAndMore', plan.rejected.length - LISTED)}</p>}
        </details>
      )}
      <ImportPaperTitles label="importNewPapers" papers={plan.added.map((paper) => paper.ref)} />
      <ImportPaperTitles label="importAlreadyInLibrary" papers={plan.matched.map(({ record }) => record)} />
    </div>
  );
}

/** "The 2 papers already in your library are already starred: nothing changes for them." */
function matchedHint(matched: number, toChange: number, choice: BibImportChoice): string {
  const base = choice.star && choice.queue ? 'importBecomeBoth' : choice.star ? 'importBecomeStarred' : choice.queue ? 'importBecomeQueued' : undefined;
  const tags = choice.tags?.length ? joinList(choice.tags.map((tag) => t('tagQuoted', tag))) : undefined;
  const become = tags ? (base ? t('importBecomeAndTagged', t(base), tags) : t('importBecomeTagged', tags)) : t(base ?? 'importBecomeUnchanged');
  if (toChange === 0) return plural('importMatchedNoChange', matched, become);
  return plural('importMatchedChange', matched, become, toChange);
}
