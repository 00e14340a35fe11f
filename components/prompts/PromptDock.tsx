import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { PromptId } from '@/utils/prompts/ids';
import type { Observable } from '@/utils/prompts/observable';
import type { PromptDefinition, PromptEnv } from '@/utils/prompts/types';
import { t } from '@/utils/text/messages';
import { arrangePrompts, leadIndex, type ShowingPrompt } from './arrange';
import { PromptContext, type PromptControls } from './context';
import { useObservable } from './use-observable';
import { onUserClick } from './user-click';

export interface PromptDockProps {
  env: PromptEnv;
  /** The prompts for this page, already filtered by page kind and by stored dismissals, most urgent first. */
  prompts: readonly PromptDefinition[];
  /** Stores a dismissal or snooze (via the background); the card hides at once either way. */
  remember(id: PromptId, action: 'dismiss' | 'snooze'): void;
  /** Remembered prompts silenced for the account as it is now (it can change: a typed username). */
  silenced?: Observable<readonly PromptId[]>;
  /** Moves the host in PyPI's flow to where the lead card belongs (mount.tsx); absent in unit tests. */
  place?(field: Element | null): void;
}

const NONE_SILENCED: Observable<readonly PromptId[]> = { get: () => [], subscribe: () => () => {} };

/**
 * Every prompt of the page, one group at a time (arrange.ts): the lead card — the verdict on the
 * field in use, else the most urgent account nudge — and a "+N more" line for the rest. Each
 * prompt's component decides whether it has something to say (its PromptCard reports it); the
 * dock decides which of those the page shows, and where.
 */
export function PromptDock({ env, prompts, remember, silenced = NONE_SILENCED, place }: PromptDockProps) {
  const [hidden, setHidden] = useState<ReadonlySet<PromptId>>(new Set());
  const [showing, setShowing] = useState<ReadonlySet<PromptId>>(new Set());
  const [lastField, setLastField] = useState<Element | null>(null);
  const [pinned, setPinned] = useState<PromptId | null>(null);
  const silencedIds = useObservable(silenced);

  const fields = useMemo(() => new Map(prompts.map((prompt) => [prompt.id, prompt.field?.() ?? null])), [prompts]);
  // The field the user turns to leads: its verdict comes first, not ~500 px away.
  useEffect(() => {
    const controller = new AbortController();
    const watched = new Set([...fields.values()].filter((field): field is Element => field !== null));
    if (watched.size === 0) return;
    env.doc.addEventListener(
      'focusin',
      (event) => {
        if (event.target instanceof Element && watched.has(event.target)) {
          setLastField(event.target);
          setPinned(null);
        }
      },
      { signal: controller.signal, capture: true },
    );
    return () => controller.abort();
  }, [env.doc, fields]);

  const report = useCallback((id: PromptId, on: boolean) => {
    setShowing((previous) => {
      if (previous.has(id) === on) return previous;
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const mounted = prompts.filter((prompt) => !hidden.has(prompt.id) && !(prompt.dismissal === 'remember' && silencedIds.includes(prompt.id)));
  const candidates: ShowingPrompt[] = mounted.filter((prompt) => showing.has(prompt.id)).map((prompt) => ({ id: prompt.id, field: fields.get(prompt.id) ?? null }));
  const groups = arrangePrompts(candidates, lastField);
  const leading = leadIndex(groups, pinned);
  const lead = groups[leading];
  const next = groups[(leading + 1) % groups.length];
  const more = groups.length - 1;

  const controls = useMemo(
    () =>
      new Map(
        prompts.map((prompt): [PromptId, Omit<PromptControls, 'lead'>] => {
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
              report: (on) => report(prompt.id, on),
            },
          ];
        }),
      ),
    [prompts, remember, report],
  );

  const leadField = lead?.field ?? null;
  const hasLead = lead !== undefined;
  useLayoutEffect(() => {
    if (hasLead) place?.(leadField);
  }, [place, leadField, hasLead]);

  return (
    <div class="pg-dock" data-lead={lead?.ids.join(' ')}>
      {/* First, above the cards: a card appearing below (a breach check as the field loses focus) does not move it under the pointer. */}
      {more > 0 && (
        <p class="pg-more">
          <button type="button" class="pg-link" data-action="more" onClick={onUserClick(() => setPinned(next!.ids[0]!))}>
            {t('prompt_more', { count: more })}
          </button>
        </p>
      )}
      {mounted.map(({ id, Component }) => (
        <PromptContext.Provider key={id} value={{ ...controls.get(id)!, lead: lead?.ids.includes(id) ?? false }}>
          <Component env={env} />
        </PromptContext.Provider>
      ))}
    </div>
  );
}
