import { localizePage } from '@/utils/text/page';
import { render } from 'preact';
import { openStore } from '@/utils/store';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

localizePage('page_title_recovery');
const root = document.getElementById('app')!;

// The page works without the store (a profile where IndexedDB is off): everything can be typed.
openStore().then(
  (db) => render(<App db={db} search={location.search} />, root),
  () => render(<App db={null} search={location.search} />, root),
);
