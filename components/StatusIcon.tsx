import { t, type MessageId } from '@/utils/text/messages';
import type { CheckStatus } from '@/utils/audit';

const SYMBOL: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✕', unreadable: '⊘', unknown: '?' };
const STATUS_WORD = { pass: 'status_pass', warn: 'status_warn', fail: 'status_fail', unreadable: 'status_unreadable', unknown: 'status_unknown' } as const satisfies Record<CheckStatus, MessageId>;

/** A coloured symbol with its meaning spelled out for screen readers (colour is never the only cue). */
export function StatusIcon({ status }: { status: CheckStatus }) {
  return (
    <span class={`status-icon status-icon--${status}`}>
      <span aria-hidden="true">{SYMBOL[status]}</span>
      <span class="sr-only">{t('status_with_label', { status: t(STATUS_WORD[status]) })} </span>
    </span>
  );
}
