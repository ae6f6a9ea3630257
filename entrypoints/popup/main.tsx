import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { getDatabase } from '@/lib/db';

render(<PopupApp db={getDatabase()} />, document.getElementById('app')!);
