import { localizePage } from '@/utils/text/page';
import { t } from '@/utils/text/messages';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { RecoveryDrill } from '@/components/drill/RecoveryDrill';
import type { DataChangedMessage } from '@/utils/messages';
import { openStore } from '@/utils/store';
import '@/components/theme.css';
import './style.css';

localizePage('page_title_drill');
document.getElementById('drill-title')!.textContent = t('drill_title');
document.getElementById('drill-lead')!.textContent = t('drill_lead');

// drill.html?account=pypi.org/alice preselects an account (e.g. from a reminder).
const accountId = new URLSearchParams(location.search).get('account');
const deps = {
  openDb: () => openStore(),
  now: () => Date.now(),
  dataChanged: () => void browser.runtime.sendMessage({ type: 'data-changed' } satisfies DataChangedMessage),
};
render(<RecoveryDrill deps={deps} accountId={accountId} />, document.getElementById('app')!);
