import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { getDatabase } from '@/lib/store/db';
import { getSnapshots } from '@/lib/store/snapshots';

render(<OptionsApp db={getDatabase()} snapshots={getSnapshots()} />, document.getElementById('app')!);
