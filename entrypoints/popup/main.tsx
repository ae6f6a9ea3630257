import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { getDatabase } from '@/lib/store/db';

render(<PopupApp db={getDatabase()} />, document.getElementById('app')!);
