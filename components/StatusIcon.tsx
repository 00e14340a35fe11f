import type { CheckStatus } from '@/utils/audit';

const SYMBOL: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✕', unreadable: '⊘', unknown: '?' };
export const STATUS_WORD: Record<CheckStatus, string> = { pass: 'Passed', warn: 'Warning', fail: 'Failed', unreadable: 'Could not read', unknown: 'Unknown' };

/** A coloured symbol with its meaning spelled out for screen readers (colour is never the only cue). */
export function StatusIcon({ status }: { status: CheckStatus }) {
  return (
    <span class={`status-icon status-icon--${status}`}>
      <span aria-hidden="true">{SYMBOL[status]}</span>
      <span class="sr-only">{STATUS_WORD[status]}: </span>
    </span>
  );
}
