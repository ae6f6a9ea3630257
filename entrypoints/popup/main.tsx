import { render } from 'preact';
import { localizePage } from '@/lib/ui/localize-page';
import { PopupApp } from '@/components/popup/PopupApp';
import { getDatabase } from '@/lib/store/db';
import { readQueueHead } from '@/lib/ui/queue-head';

localizePage('extName');
const db = getDatabase();
// Opened now, while the page renders its frame: the first rows' read does not wait for the opening.
void db.open().catch((error: unknown) => console.error('[Shelfmark] could not open the database', error));
// The queue's first rows as the last popup showed them, drawn in the first frame (lib/ui/queue-head.ts).
render(<PopupApp db={db} queueHead={readQueueHead()} />, document.getElementById('app')!);
