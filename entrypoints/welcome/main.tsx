import { render } from 'preact';
import { localizePage } from '@/lib/ui/localize-page';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import { getDatabase } from '@/lib/store/db';

localizePage('welcomePageTitle');
render(<WelcomeApp db={getDatabase()} />, document.getElementById('app')!);
