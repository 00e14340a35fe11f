import { render } from 'preact';
import { OptionsApp } from './App';
import { browserOptionsDeps } from './deps';
import '@/components/theme.css';
import './style.css';

render(<OptionsApp deps={browserOptionsDeps} />, document.getElementById('app')!);
