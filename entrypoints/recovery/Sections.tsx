import { formatList, t, type MessageId } from '@/utils/text/messages';
import { RichText } from '@/components/RichText';
import { useMemo, useState } from 'preact/hooks';
import type { PypiHost } from '@/utils/pypi/hosts';
import type { ComponentChildren } from 'preact';
import { afterSteps, type Answers, type LeafId } from '@/utils/recovery/decision';
import { buildEvidenceKit, evidenceFileName, evidenceMarkdown } from '@/utils/recovery/evidence';
import type { RecoveryAccountFacts } from '@/utils/recovery/facts';
import { nextSteps, projectsWithoutSourceLookup } from '@/utils/recovery/next-steps';
import { fetchProjectSources, saveProjectSources } from '@/utils/recovery/project-sources';
import { secretKindName } from '@/utils/recovery/secrets';
import { TrackerError, discardDraft, markAnswered, markResolved } from '@/utils/recovery/tracker';
import type { PypiGuardDb } from '@/utils/store/schema';
import { accountIdOf, type RecoveryRequest } from '@/utils/store/types';
import { formatDaysAgo } from '@/utils/text/format';
import { ABILITY_TEXT, CopyButton, Section, StepList, type Announce, type PageEffects } from './ui';

/** What the sections that show (and may look up) the account's stored facts all take. */
interface AccountFactsProps {
  host: PypiHost;
  username: string;
  facts: RecoveryAccountFacts | undefined;
  db: PypiGuardDb | null;
  effects: PageEffects;
  onFactsChanged: () => void;
}

/**
 * Looks up the public source repository of each project not looked up yet (PyPI's JSON API) and
 * stores it, merged with the sources known before (see mergeProjectSources).
 */
function SourceLookup({ host, username, facts, db, effects, onFactsChanged }: AccountFactsProps) {
  const [lookup, setLookup] = useState<{ busy: boolean; messages: string[] }>({ busy: false, messages: [] });
  const unlooked = projectsWithoutSourceLookup(facts);
  if (!db || !facts || (unlooked.length === 0 && lookup.messages.length === 0)) return null;

  const lookUp = async () => {
    setLookup({ busy: true, messages: [] });
    const result = await fetchProjectSources(unlooked, effects.fetch, host);
    const messages = result.failures.map((failure) => failure.message);
    try {
      await saveProjectSources(db, accountIdOf(host, username), result, effects.now());
      // The audit's recovery-readiness check reads these sources: let the badge follow.
      effects.dataChanged();
    } catch {
      messages.push(t('sources_save_failed'));
    }
    setLookup({ busy: false, messages });
    onFactsChanged();
  };

  return (
    <>
      {unlooked.length > 0 ? (
        <p>
          <button type="button" class="button button--small" data-action="look-up-sources" disabled={lookup.busy} onClick={() => void lookUp()}>
            {lookup.busy ? t('sources_looking_up') : t('sources_look_up', { count: unlooked.length, host })}
          </button>{' '}
          <span class="muted">{t('sources_sends_only', { host })}</span>
        </p>
      ) : null}
      {lookup.messages.length > 0 ? (
        <ul class="problems" role="alert" data-lookup-problems>
          {lookup.messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * On the support path, everything that follows the request: what PyPI's admins do and which of it
 * the user can do (pypi-facts.md §9), what to fix once back in, and the evidence kit the admins
 * may ask for. Folded away until the request is filed (then open), so the page reads in the order
 * the user acts.
 */
export function AfterRequestSection({ filed, leafId, answers, evidence, ...account }: AccountFactsProps & { filed: boolean; leafId: LeafId; answers: Answers; evidence: ComponentChildren }) {
  return (
    <section data-step="after" class="card" aria-labelledby="after-heading">
      {/* Keyed on `filed`: the fold opens by itself once, when the request is filed; otherwise it is the user's. */}
      <details key={filed ? 'filed' : 'not-filed'} open={filed} data-after={filed ? 'open' : 'folded'}>
        <summary>
          <h2 id="after-heading">{t('after_title')}</h2>
        </summary>
        <NextSteps answers={answers} {...account} />
        <h3>{t('after_restored')}</h3>
        <div data-after-steps>
          <StepList steps={afterSteps(leafId, answers, account.host)} />
        </div>
        {evidence}
      </details>
    </section>
  );
}

/** What happens after the request is filed, and which of it the user can do. */
function NextSteps({ answers, ...account }: AccountFactsProps & { answers: Answers }) {
  const steps = nextSteps(account.facts, answers);
  return (
    <section data-step="next-steps" aria-labelledby="next-steps-heading">
      <h3 id="next-steps-heading">{t('next_steps_title')}</h3>
      <ol class="next-steps">
        {steps.map((step) => (
          <li key={step.id} data-next-step={step.id} data-ability={step.ability}>
            <p>
              <strong>{step.title}</strong> <span class={`badge badge--${step.ability}`}>{t(ABILITY_TEXT[step.ability])}</span>
            </p>
            <p>{step.detail}</p>
            <p class="muted">{step.because}</p>
            {step.action === 'look-up-sources' ? <SourceLookup {...account} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The evidence kit: what proves ownership, from stored data, downloadable as Markdown. */
export function EvidenceSection({
  reason,
  ahead,
  announce,
  nested,
  ...account
}: AccountFactsProps & {
  reason: string;
  /** Inside another card (the support path's "after" part): an h3, not a card of its own. */
  nested?: boolean;
  /** True when the user can still sign in: the kit is for a future lock-out. */
  ahead: boolean;
  announce: Announce;
}) {
  const { host, username, facts, effects } = account;
  const [notes, setNotes] = useState('');
  const kit = useMemo(() => buildEvidenceKit({ host, username, facts, reason, notes }), [host, username, facts, reason, notes]);
  const markdown = evidenceMarkdown(kit, effects.now());
  const download = () => {
    const now = effects.now();
    effects.download(evidenceFileName(kit, now), evidenceMarkdown(kit, now));
    announce(t('evidence_saved'));
  };
  return (
    <Section step="evidence" nested={nested} title={ahead ? t('evidence_title_ahead') : t('evidence_title')}>
      <p>
        {ahead ? t('evidence_intro_ahead') : t('evidence_intro')}
      </p>
      <ul class="evidence">
        {/* Beside the request, its reason is the request's own: said once, there (the file keeps it). */}
        {kit.items
          .filter((item) => !(nested && item.id === 'reason'))
          .map((item) => (
            <li key={item.id} data-evidence={item.id} data-source={item.source}>
              <strong>{item.label}</strong>
              {item.values.length > 0 ? (
                <ul>
                  {item.values.map((value) => (
                    <li key={value}>{value}</li>
                  ))}
                </ul>
              ) : (
                <span class="muted">{t('evidence_not_known', { tip: item.tip })}</span>
              )}
              {/* On the support path the look-up sits in "What happens after you submit" instead: one button per page. */}
              {item.id === 'source-repositories' && ahead ? <SourceLookup {...account} /> : null}
            </li>
          ))}
      </ul>
      <label>
        {t('evidence_notes')}
        <textarea data-input="evidence-notes" rows={2} aria-describedby="evidence-notes-help" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      <p id="evidence-notes-help" class="muted">
        {t('evidence_notes_help')}
      </p>
      {kit.removed.length > 0 ? (
        <p class="error" role="alert">
          {t('evidence_removed', { kinds: formatList(kit.removed.map(secretKindName)) })}
        </p>
      ) : null}
      <p class="actions">
        <button type="button" class="button" data-action="download-evidence" onClick={download}>
          {t('evidence_download')}
        </button>
        <CopyButton id="evidence-markdown" label={t('evidence_copy_label')} text={markdown} copy={effects.copy} announce={announce} />
      </p>
    </Section>
  );
}

/** A tracked request's status, as the tracker and the request step's duplicate warning say it. */
export const STATUS_TEXT: Record<RecoveryRequest['status'], MessageId> = {
  drafted: 'tracker_status_drafted',
  submitted: 'tracker_status_submitted',
  answered: 'tracker_status_answered',
  resolved: 'tracker_status_resolved',
};

/** Every tracked request, with the next status change the user can report. */
export function TrackerSection({
  requests,
  db,
  effects,
  announce,
  followUp,
  onChanged,
}: {
  requests: RecoveryRequest[];
  db: PypiGuardDb;
  effects: PageEffects;
  announce: Announce;
  followUp: boolean;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setError(null);
      announce(done);
      // An answered or resolved request needs no follow-up: the background clears it from the badge now.
      effects.dataChanged();
    } catch (caught) {
      setError(caught instanceof TrackerError ? caught.message : t('tracker_save_failed'));
    }
    onChanged();
  };
  const now = effects.now();
  return (
    <Section step="tracker" title={t('tracker_title')}>
      {followUp ? (
        <p class="note" data-follow-up>
          {t('tracker_follow_up')}
        </p>
      ) : null}
      {requests.length === 0 ? (
        <p class="muted">{t('tracker_none')}</p>
      ) : (
        <ul class="requests">
          {requests.map((request) => {
            const submitted = request.submittedAt === undefined ? null : formatDaysAgo(Math.min(request.submittedAt, now), now);
            return (
              <li key={request.id} data-request={request.id} data-status={request.status}>
                <p>
                  <RichText
                    text={t('tracker_request', { username: request.username, host: request.host, status: t(STATUS_TEXT[request.status]) })}
                    parts={{ 1: (name) => <strong>{name}</strong> }}
                  />
                  {submitted !== null ? ` · ${t('tracker_submitted_when', { when: submitted })}` : ''}
                </p>
                {request.issueUrl ? (
                  <p>
                    <a href={request.issueUrl} target="_blank" rel="noopener noreferrer">
                      {request.issueUrl}
                    </a>
                  </p>
                ) : null}
                <p class="actions">
                  {request.status === 'submitted' ? (
                    <button type="button" class="button button--small" data-action="mark-answered" onClick={() => void act(() => markAnswered(db, request.id, effects.now()), t('tracker_marked_answered'))}>
                      {t('tracker_answered')}
                    </button>
                  ) : null}
                  {request.status === 'submitted' || request.status === 'answered' ? (
                    <button type="button" class="button button--small" data-action="mark-resolved" onClick={() => void act(() => markResolved(db, request.id, effects.now()), t('tracker_marked_resolved'))}>
                      {t('tracker_resolved')}
                    </button>
                  ) : null}
                  {request.status === 'drafted' ? (
                    <button type="button" class="button button--small" data-action="discard-draft" onClick={() => void act(() => discardDraft(db, request.id), t('tracker_discarded'))}>
                      {t('tracker_discard')}
                    </button>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </Section>
  );
}
