import { RichText } from '@/components/RichText';
import { useEffect, useState } from 'preact/hooks';
import type { AccountAuditReply, EventToReview, NudgeCheck, NudgeCheckId } from '@/utils/prompts/account-audit';
import { definePrompt, type PromptDefinition, type PromptEnv } from '@/utils/prompts/types';
import { formatDateTime, formatPlaceAndDevice } from '@/utils/text/format';
import { keyPart, t } from '@/utils/text/messages';
import { PromptCard, type PromptTone } from './PromptCard';
import { onUserClick } from './user-click';
import { markDone } from '@/utils/content/done';
import { untilShown } from '@/utils/dom/slices';

/**
 * The prompts that act on the popup's audit (utils/audit), on PyPI's account settings and 2FA
 * pages: turn on 2FA, add a second method, make recovery codes, and review security events.
 * No check is decided here: the background runs the same audit as the popup and the badge.
 */

const AUDIT_PAGES = ['account-settings', 'two-factor-settings'] as const;
const POLL_MS = 250;
// About fifteen seconds for the page model to store this visit: it reads after the page's load and
// an idle period, in slices, so a long history takes a while on a busy machine.
const POLL_LIMIT = 60;

type Ready = Extract<AccountAuditReply, { state: 'ready' }>;

// One request per page view, shared by every nudge on it.
const requests = new WeakMap<PromptEnv, Promise<Ready | null>>();

function loadAudit(env: PromptEnv): Promise<Ready | null> {
  let request = requests.get(env);
  if (!request) {
    // This page view's own snapshot is what counts: one stored at or after this navigation began.
    // The page model reads after load and an idle period (issue #14), so a reload soon after the
    // last read must not take that read's rows as this view's. Whole milliseconds: the message
    // schema takes an integer epoch time.
    const pageSeenAfter = Math.floor(env.now() - performance.now());
    request = (async () => {
      if (!env.host || !env.username) return null;
      for (let attempt = 0; attempt < POLL_LIMIT && !env.signal.aborted; attempt++) {
        // The page model reads only a page that is shown: a tab opened in the background has no
        // snapshot until the user turns to it, so the wait starts then.
        await untilShown(env.signal);
        const reply = await env.send({ type: 'account-audit', username: env.username, pageSeenAfter });
        if (!reply || reply.state === 'unknown') return null;
        if (reply.state === 'ready') return reply;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      return null;
    })().finally(() => markDone('audit'));
    requests.set(env, request);
  }
  return request;
}

function useAudit(env: PromptEnv): Ready | null {
  const [audit, setAudit] = useState<Ready | null>(null);
  useEffect(() => {
    let live = true;
    void loadAudit(env).then((reply) => live && setAudit(reply));
    return () => {
      live = false;
    };
  }, [env]);
  return audit;
}

const checkOf = (audit: Ready, id: NudgeCheckId): NudgeCheck | undefined => audit.checks.find((check) => check.id === id);

function FixLink({ check }: { check: NudgeCheck }) {
  if (!check.fixPath) return null;
  return (
    <a class="pg-button pg-button--primary" data-action="fix" href={check.fixPath}>
      {check.fixLabel}
    </a>
  );
}

/** A nudge card for one audit check, shown when `when` says the check needs the user. */
function nudge(id: 'enable-2fa' | 'add-second-method' | 'generate-recovery-codes', choose: (audit: Ready) => { check: NudgeCheck; title: string; tone: PromptTone } | null): PromptDefinition {
  return definePrompt({
    id,
    pages: AUDIT_PAGES,
    dismissal: 'remember',
    Component: ({ env }) => {
      const audit = useAudit(env);
      const chosen = audit ? choose(audit) : null;
      if (!chosen) return null;
      return (
        <PromptCard title={chosen.title} tone={chosen.tone} state={chosen.check.status} actions={<FixLink check={chosen.check} />}>
          <p>{chosen.check.detail}</p>
        </PromptCard>
      );
    },
  });
}

export const enable2faPrompt = nudge('enable-2fa', (audit) => {
  const check = checkOf(audit, 'two-factor');
  return check?.status === 'fail' ? { check, title: t('nudge_enable_2fa'), tone: 'danger' } : null;
});

export const addSecondMethodPrompt = nudge('add-second-method', (audit) => {
  // Only once 2FA is on: before that, the enable-2fa nudge leads the way.
  const check = checkOf(audit, 'second-factor-method');
  return checkOf(audit, 'two-factor')?.status === 'pass' && check?.status === 'warn' ? { check, title: t('nudge_add_second_method'), tone: 'warning' } : null;
});

export const generateRecoveryCodesPrompt = nudge('generate-recovery-codes', (audit) => {
  if (checkOf(audit, 'two-factor')?.status !== 'pass') return null; // enable-2fa starts with codes
  const made = checkOf(audit, 'recovery-codes');
  if (made && (made.status === 'fail' || made.status === 'warn')) return { check: made, title: t('nudge_generate_codes'), tone: made.status === 'fail' ? 'danger' : 'warning' };
  const left = checkOf(audit, 'recovery-codes-remaining');
  if (left?.status === 'fail') return { check: left, title: t('nudge_codes_used_up'), tone: 'danger' };
  if (left?.status === 'warn' && left.fixPath) return { check: left, title: t('nudge_codes_running_low'), tone: 'warning' };
  return null;
});

const ROWS_LISTED = 6;

/** What the prompt says about a page of rows: how many are new, and whether any looks wrong. */
function securityEventsTitle(events: readonly EventToReview[]): string {
  const fresh = events.filter((event) => event.isNew).length;
  return fresh === 0 ? t('security_history_check') : t('security_history_new_events', { count: fresh });
}

/** One history row as text (PyPI's own summary for a row that is only new): never markup from the page. */
function EventRow({ event }: { event: EventToReview }) {
  const where = formatPlaceAndDevice(event);
  return (
    <li data-event-tag={event.tag} data-event-reason={event.reason} data-new={event.isNew ? 'true' : undefined}>
      {event.isNew && (
        <span class="pg-badge" data-field="new-badge">
          {t('event_new_badge')}
        </span>
      )}
      <strong>{event.reason ? t(`event_reason_${keyPart(event.reason)}`) : event.summary}</strong>
      {!event.reason && event.details ? ` (${event.details})` : ''}
      <br />
      <span class="pg-muted" data-field="when-where">
        {where ? t('event_when_where', { when: formatDateTime(event.time), where }) : formatDateTime(event.time)}
      </span>
    </li>
  );
}

function SecurityEvents({ env }: { env: PromptEnv }) {
  const audit = useAudit(env);
  const [answer, setAnswer] = useState<'open' | 'was-me' | 'not-me'>('open');
  const [showAll, setShowAll] = useState(false);
  const [failed, setFailed] = useState(false);
  const events = audit?.events ?? [];
  if (events.length === 0 || answer === 'was-me') return null;
  const suspicious = events.some((event) => event.reason);
  const listed = showAll ? events : events.slice(0, ROWS_LISTED);
  // "It was me" answers for what the user has seen: it is offered once every row is listed.
  const allListed = listed.length === events.length;
  const acknowledge = async () => {
    const reply = await env.send({ type: 'acknowledge-events', username: env.username!, shownEventIds: listed.map((event) => event.id) });
    if (reply?.acknowledged) setAnswer('was-me');
    else setFailed(true);
  };
  return (
    <PromptCard
      title={securityEventsTitle(events)}
      tone={suspicious ? 'danger' : 'warning'}
      state={answer}
      actions={
        answer === 'open' ? (
          <>
            {/* "Not me" leads: for a row that looks wrong, acting is the safe answer. */}
            <button type="button" class={suspicious ? 'pg-button pg-button--primary' : 'pg-button'} data-action="not-me" onClick={onUserClick(() => setAnswer('not-me'))}>
              {t('event_not_me')}
            </button>
            {allListed ? (
              <button type="button" class="pg-button" data-action="was-me" onClick={onUserClick(() => void acknowledge())}>
                {t('event_was_me')}
              </button>
            ) : (
              <button type="button" class="pg-button" data-action="show-all" onClick={onUserClick(() => setShowAll(true))}>
                {t('security_history_show_all', { count: events.length })}
              </button>
            )}
          </>
        ) : undefined
      }
    >
      {audit?.firstLook && (
        <p class="pg-muted" data-field="first-look">
          {t('event_first_look')}
        </p>
      )}
      {!suspicious && <p>{t('event_takeover_question')}</p>}
      <ul data-field="events">
        {listed.map((event) => (
          <EventRow key={event.id} event={event} />
        ))}
      </ul>
      {failed && <p role="alert">{t('event_save_failed')}</p>}
      {answer === 'not-me' && (
        <div data-field="not-me" role="group" aria-label={t('event_what_now_label')}>
          <p>
            <strong>{t('event_act_now')}</strong>
          </p>
          <ol>
            <li>
              <RichText text={t('event_step_password')} parts={{ 1: (words) => <a href="/manage/account/#change-password">{words}</a> }} />
            </li>
            <li>
              <RichText text={t('event_step_2fa')} parts={{ 1: (words) => <a href="/manage/account/two-factor/">{words}</a> }} />
            </li>
            <li>
              <RichText text={t('event_step_tokens')} parts={{ 1: (words) => <a href="/manage/account/#api-tokens">{words}</a> }} />
            </li>
            <li>
              <RichText
                text={t('event_step_admins', { address: 'admin@pypi.org' })}
                parts={{ 1: (words) => <a href="mailto:admin@pypi.org">{words}</a>, 2: (words) => <a href="/help/#suspicious-activity">{words}</a> }}
              />
            </li>
          </ol>
        </div>
      )}
    </PromptCard>
  );
}

/** Close only: a security warning must come back until it is answered ("It was me" or acting on it). */
export const securityEventsPrompt = definePrompt({ id: 'security-events', pages: ['account-settings'], dismissal: 'page', Component: SecurityEvents });

export const AUDIT_NUDGE_PROMPTS: readonly PromptDefinition[] = [securityEventsPrompt, enable2faPrompt, generateRecoveryCodesPrompt, addSecondMethodPrompt];
