import { render } from 'preact';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import { getDatabase } from '@/lib/store/db';

render(<WelcomeApp db={getDatabase()} />, document.getElementById('app')!);
