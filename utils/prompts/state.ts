import type { PromptState } from '../store/types';

export const DAY_MS = 86_400_000;

/** "Remind me later" hides a prompt for this long. */
export const PROMPT_SNOOZE_DAYS = 7;

export type PromptDismissAction = 'dismiss' | 'snooze';

/** True when the user dismissed the prompt, or snoozed it and the snooze has not run out. */
export function isPromptSilenced(state: PromptState | undefined, now: number): boolean {
  if (!state) return false;
  if (state.dismissedAt !== undefined) return true;
  return state.snoozedUntil !== undefined && state.snoozedUntil > now;
}

/** The new state of a prompt after the user dismissed or snoozed it at `now`. */
export function applyPromptAction(key: string, action: PromptDismissAction, now: number, snoozeDays = PROMPT_SNOOZE_DAYS): PromptState {
  return action === 'dismiss' ? { id: key, dismissedAt: now } : { id: key, snoozedUntil: now + snoozeDays * DAY_MS };
}
