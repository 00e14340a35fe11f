import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PromptId } from '@/utils/prompts/ids';

/** What a prompt's card can do to itself: set by the dock for each prompt it mounts. */
export interface PromptControls {
  id: PromptId;
  dismissal: 'remember' | 'page';
  /** Hides the prompt for this page view only. */
  close(): void;
  /** "Remind me later": hidden for a week for this account (remembered prompts only). */
  snooze(): void;
  /** "Don't show again" for this account (remembered prompts only). */
  dismiss(): void;
  /** Tells the dock whether the prompt shows a card now (PromptCard does, as it mounts and unmounts). */
  report(showing: boolean): void;
  /** Whether this card is the one the page shows now: the others wait behind a "+N more" line. */
  lead: boolean;
}

export const PromptContext = createContext<PromptControls | null>(null);

export function usePromptControls(): PromptControls {
  const controls = useContext(PromptContext);
  if (!controls) throw new Error('A PromptCard must be rendered inside the prompt dock.');
  return controls;
}
