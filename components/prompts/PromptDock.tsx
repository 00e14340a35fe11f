import { useMemo, useState } from 'preact/hooks';
import type { PromptId } from '@/utils/prompts/ids';
import type { Observable } from '@/utils/prompts/observable';
import type { PromptDefinition, PromptEnv } from '@/utils/prompts/types';
import { PromptContext, type PromptControls } from './context';
import { useObservable } from './use-observable';

export interface PromptDockProps {
  env: PromptEnv;
  /** The prompts for this page, already filtered by page kind and by stored dismissals. */
  prompts: readonly PromptDefinition[];
  /** Stores a dismissal or snooze (via the background); the card hides at once either way. */
  remember(id: PromptId, action: 'dismiss' | 'snooze'): void;
  /** Remembered prompts silenced for the account as it is now (it can change: a typed username). */
  silenced?: Observable<readonly PromptId[]>;
}

const NONE_SILENCED: Observable<readonly PromptId[]> = { get: () => [], subscribe: () => () => {} };

/**
 * Every prompt of the page, stacked in one fixed corner: outside PyPI's layout, so nothing of
 * PyPI's page moves. Empty (and so invisible) until a prompt decides to show its card.
 */
export function PromptDock({ env, prompts, remember, silenced = NONE_SILENCED }: PromptDockProps) {
  const [hidden, setHidden] = useState<ReadonlySet<PromptId>>(new Set());
  const silencedIds = useObservable(silenced);
  const controls = useMemo(
    () =>
      new Map(
        prompts.map((prompt): [PromptId, PromptControls] => {
          const hide = () => setHidden((previous) => new Set(previous).add(prompt.id));
          return [
            prompt.id,
            {
              id: prompt.id,
              dismissal: prompt.dismissal,
              close: hide,
              snooze: () => {
                hide();
                if (prompt.dismissal === 'remember') remember(prompt.id, 'snooze');
              },
              dismiss: () => {
                hide();
                if (prompt.dismissal === 'remember') remember(prompt.id, 'dismiss');
              },
            },
          ];
        }),
      ),
    [prompts, remember],
  );
  return (
    <div class="pg-dock" dir="ltr" lang="en">
      {prompts
        .filter((prompt) => !hidden.has(prompt.id) && !(prompt.dismissal === 'remember' && silencedIds.includes(prompt.id)))
        .map(({ id, Component }) => (
          <PromptContext.Provider key={id} value={controls.get(id)!}>
            <Component env={env} />
          </PromptContext.Provider>
        ))}
    </div>
  );
}
