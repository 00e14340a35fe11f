import { render } from 'preact';
import { RecoveryDrill } from '@/components/drill/RecoveryDrill';
import { openStore } from '@/utils/store';
import './style.css';

// drill.html?account=pypi.org/alice preselects an account (e.g. from a reminder).
const accountId = new URLSearchParams(location.search).get('account');
render(<RecoveryDrill deps={{ openDb: () => openStore(), now: () => Date.now() }} accountId={accountId} />, document.getElementById('app')!);
