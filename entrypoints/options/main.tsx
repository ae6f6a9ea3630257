import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { getDatabase } from '@/lib/store/db';

render(<OptionsApp db={getDatabase()} />, document.getElementById('app')!);
