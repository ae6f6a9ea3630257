import { render } from 'preact';
import { localizePage } from '@/lib/ui/localize-page';
import { PopupApp } from '@/components/popup/PopupApp';
import { getDatabase } from '@/lib/store/db';

localizePage('extName');
const db = getDatabase();
// Opened now, while the page renders its frame: the first rows' read does not wait for the opening.
void db.open().catch((error: unknown) => console.error('[Shelfmark] could not open the database', error));
render(<PopupApp db={db} />, document.getElementById('app')!);
