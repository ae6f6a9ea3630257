import { render } from 'preact';
import { localizePage } from '@/lib/ui/localize-page';
import { PopupApp } from '@/components/popup/PopupApp';
import { getDatabase } from '@/lib/store/db';

localizePage('extName');
render(<PopupApp db={getDatabase()} />, document.getElementById('app')!);
