import { render } from 'preact';
import { localizePage } from '@/lib/ui/localize-page';
import { OptionsApp } from '@/components/options/OptionsApp';
import { getDatabase } from '@/lib/store/db';
import { getSnapshots } from '@/lib/store/snapshots';

localizePage('optionsPageTitle');
render(<OptionsApp db={getDatabase()} snapshots={getSnapshots()} />, document.getElementById('app')!);
