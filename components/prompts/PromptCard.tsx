import { t } from '@/utils/text/messages';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { usePromptControls } from './context';
import { onUserClick } from './user-click';

export type PromptTone = 'info' | 'good' | 'warning' | 'danger';

export interface PromptCardProps {
  title: string;
  tone?: PromptTone;
  /** A machine-readable state for tests and styling, e.g. `pypi-fails`; set as `data-state`. */
  state?: string;
  children?: ComponentChildren;
  /** The prompt's own buttons or links, shown before the dismissal controls. */
  actions?: ComponentChildren;
}

/**
 * The one look every prompt shares: a titled card, `[data-prompt="<id>"]`, with "Close" and —
 * for remembered prompts — "Remind me later" and "Don't show again". A labelled region, so a
 * screen reader can jump to it; buttons are real buttons, so the keyboard reaches them. They
 * answer only the user's own clicks (user-click.ts).
 */
export function PromptCard({ title, tone = 'info', state, children, actions }: PromptCardProps) {
  const controls = usePromptControls();
  const { report } = controls;
  // The dock shows one group of cards at a time: it must know which prompts have something to say.
  useLayoutEffect(() => {
    report(true);
    return () => report(false);
  }, [report]);
  const headingId = `pg-${controls.id}-title`;
  return (
    <section
      class="pg-card"
      data-prompt={controls.id}
      data-tone={tone}
      data-state={state}
      role="region"
      aria-labelledby={headingId}
      hidden={!controls.lead}
    >
      <header class="pg-card__header">
        <span class="pg-card__brand" aria-hidden="true">
          {t('extension_name')}
        </span>
        <h2 class="pg-card__title" id={headingId}>
          {title}
        </h2>
        <button type="button" class="pg-card__close" data-action="close" aria-label={t('prompt_close', { title })} onClick={onUserClick(controls.close)}>
          ×
        </button>
      </header>
      <div class="pg-card__body">{children}</div>
      {(actions || controls.dismissal === 'remember') && (
        <footer class="pg-card__actions">
          {actions}
          {controls.dismissal === 'remember' && (
            <>
              <button type="button" class="pg-button pg-button--quiet" data-action="snooze" onClick={onUserClick(controls.snooze)}>
                {t('prompt_snooze')}
              </button>
              <button type="button" class="pg-button pg-button--quiet" data-action="dismiss" onClick={onUserClick(controls.dismiss)}>
                {t('prompt_dismiss')}
              </button>
            </>
          )}
        </footer>
      )}
    </section>
  );
}
