import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import { getDatabase } from '@/lib/db';

render(<OptionsApp db={getDatabase()} />, document.getElementById('app')!);
