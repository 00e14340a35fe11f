import { t, type MessageId } from '@/utils/text/messages';
import type { ComponentChildren, Ref } from 'preact';
import { browser } from 'wxt/browser';
import type { DataChangedMessage, ExpectPasswordResetMessage } from '@/utils/messages';
import type { PypiHost } from '@/utils/pypi/hosts';
import type { Step } from '@/utils/recovery/decision';

/** What the page needs from the browser; injected so tests can watch it and nothing is sent unseen. */
export interface PageEffects {
  now: () => number;
  copy: (text: string) => Promise<void>;
  openTab: (url: string) => void;
  download: (fileName: string, text: string) => void;
  fetch: typeof fetch;
  /** Tell the background which username PyPI's reset page should show (see utils/background/password-reset.ts). */
  expectPasswordReset: (host: PypiHost, username: string) => void;
  /**
   * Tell the background the store changed (a request tracked, answered, resolved or discarded,
   * sources looked up), so the badge and the reminders' alarms follow at once, as the popup does.
   */
  dataChanged: () => void;
}

/** Best effort: without a background (the page opened outside the extension) the next hourly tick catches up. */
function sendToBackground(message: DataChangedMessage | ExpectPasswordResetMessage): void {
  try {
    browser.runtime.sendMessage(message).catch(() => undefined);
  } catch {
    // no background to tell
  }
}

export const browserEffects = (): PageEffects => ({
  now: () => Date.now(),
  copy: (text) => navigator.clipboard.writeText(text),
  // noopener: the GitHub tab gets no handle on this extension page.
  openTab: (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
  download: (fileName, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  fetch: (input, init) => fetch(input, init),
  // Best effort: without it the user types the username on PyPI's page, as without PyPI Guard.
  expectPasswordReset: (host, username) => sendToBackground({ type: 'expect-password-reset', host, username }),
  dataChanged: () => sendToBackground({ type: 'data-changed' }),
});

export type Announce = (message: string) => void;

/** Copies `text`; its visible words are "Copy" unless `children` say more, its accessible name always names `label`. */
export function CopyButton({
  label,
  text,
  copy,
  announce,
  id,
  children,
}: {
  label: string;
  text: string;
  copy: PageEffects['copy'];
  announce: Announce;
  id: string;
  children?: ComponentChildren;
}) {
  const onClick = async () => {
    try {
      await copy(text);
      announce(t('copy_done', { label }));
    } catch {
      announce(t('copy_failed', { label }));
    }
  };
  return (
    <button type="button" class="button button--small" data-copy={id} onClick={onClick} disabled={!text} aria-label={children ? undefined : t('copy_named', { label })}>
      {children ?? t('copy')}
    </button>
  );
}

/** `onFollow` runs as the user opens a step's link (click, Enter or middle click), before PyPI loads. */
export function StepList({ steps, ordered = true, onFollow }: { steps: Step[]; ordered?: boolean; onFollow?: (step: Step) => void }) {
  const items = steps.map((step) => (
    <li key={step.id} data-step-id={step.id}>
      {step.text}
      {step.url ? (
        <>
          {' '}
          <a
            href={step.url}
            target="_blank"
            rel="noopener noreferrer"
            data-step-link={step.id}
            onClick={() => onFollow?.(step)}
            onAuxClick={(event) => event.button === 1 && onFollow?.(step)}
          >
            {t('open_on_pypi')}
            <span class="sr-only"> {t('new_tab_context')}</span>
          </a>
        </>
      ) : null}
    </li>
  ));
  return ordered ? <ol class="steps">{items}</ol> : <ul class="steps">{items}</ul>;
}

/** A titled part of the page: a card with an h2, or (`nested`) a part of another card with an h3. */
export function Section({
  step,
  title,
  children,
  headingRef,
  nested = false,
}: {
  step: string;
  title: string;
  children: ComponentChildren;
  headingRef?: Ref<HTMLHeadingElement>;
  nested?: boolean;
}) {
  const headingId = `${step}-heading`;
  const Heading = nested ? 'h3' : 'h2';
  return (
    <section data-step={step} aria-labelledby={headingId} class={nested ? undefined : 'card'}>
      <Heading id={headingId} tabIndex={-1} ref={headingRef}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** How an ability reads ("You can", "Not possible now"), as a message id. */
export const ABILITY_TEXT = { yes: 'ability_yes', no: 'ability_no', unknown: 'ability_unknown' } as const satisfies Record<string, MessageId>;
