import { localizePage } from '@/utils/text/page';
import { render } from 'preact';
import { OptionsApp } from './App';
import { browserOptionsDeps } from './deps';
import '@/components/theme.css';
import './style.css';

localizePage('page_title_options');
render(<OptionsApp deps={browserOptionsDeps} />, document.getElementById('app')!);
