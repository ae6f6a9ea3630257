import { t } from '@/lib/i18n';

/** An import's Import and Cancel buttons: both wait while it runs; Import also waits for something to import. */
export function ImportButtons(props: { importing: boolean; canImport: boolean; onImport(): void; onCancel(): void }) {
  return (
    <div class="import-buttons">
      <button type="button" class="primary" disabled={props.importing || !props.canImport} onClick={props.onImport}>
        {props.importing ? t('importImporting') : t('importImport')}
      </button>
      <button type="button" disabled={props.importing} onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
