import { useMemo, useState } from 'preact/hooks';
import type { PypiHost } from '@/utils/pypi/hosts';
import type { Answers } from '@/utils/recovery/decision';
import { buildEvidenceKit, evidenceFileName, evidenceMarkdown } from '@/utils/recovery/evidence';
import type { RecoveryAccountFacts } from '@/utils/recovery/facts';
import { nextSteps, projectsWithoutSourceLookup } from '@/utils/recovery/next-steps';
import { fetchProjectSources, saveProjectSources } from '@/utils/recovery/project-sources';
import { SECRET_LABELS } from '@/utils/recovery/secrets';
import { TrackerError, discardDraft, markAnswered, markResolved } from '@/utils/recovery/tracker';
import type { PypiGuardDb } from '@/utils/store/schema';
import { accountIdOf, type RecoveryRequest } from '@/utils/store/types';
import { ABILITY_TEXT, Section, type Announce, type PageEffects } from './ui';

/** What happens after the request is filed, and which of it the user can do (pypi-facts.md §9). */
export function NextStepsSection({
  host,
  username,
  facts,
  answers,
  db,
  effects,
  onFactsChanged,
}: {
  host: PypiHost;
  username: string;
  facts: RecoveryAccountFacts | undefined;
  answers: Answers;
  db: PypiGuardDb | null;
  effects: PageEffects;
  onFactsChanged: () => void;
}) {
  const [lookup, setLookup] = useState<{ busy: boolean; messages: string[] }>({ busy: false, messages: [] });
  const steps = nextSteps(facts, answers);
  const unlooked = projectsWithoutSourceLookup(facts);

  const lookUp = async () => {
    setLookup({ busy: true, messages: [] });
    const result = await fetchProjectSources(unlooked, effects.fetch, host);
    if (db && facts) await saveProjectSources(db, accountIdOf(host, username), result, effects.now());
    setLookup({ busy: false, messages: result.failures.map((failure) => failure.message) });
    onFactsChanged();
  };

  return (
    <Section step="next-steps" title="What happens after you submit">
      <ol class="next-steps">
        {steps.map((step) => (
          <li key={step.id} data-next-step={step.id} data-ability={step.ability}>
            <p>
              <strong>{step.title}</strong> <span class={`badge badge--${step.ability}`}>{ABILITY_TEXT[step.ability]}</span>
            </p>
            <p>{step.detail}</p>
            <p class="muted">{step.because}</p>
            {step.action === 'look-up-sources' && db && facts ? (
              <p>
                <button type="button" class="button button--small" data-action="look-up-sources" disabled={lookup.busy} onClick={() => void lookUp()}>
                  {lookup.busy ? 'Looking up…' : `Look up ${unlooked.length === 1 ? 'its repository' : 'their repositories'} on ${host}`}
                </button>{' '}
                <span class="muted">Sends only the public project names to {host}.</span>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {lookup.messages.length > 0 ? (
        <ul class="problems" role="alert">
          {lookup.messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** The evidence kit: what proves ownership, from stored data, downloadable as Markdown. */
export function EvidenceSection({
  host,
  username,
  facts,
  reason,
  ahead,
  effects,
  announce,
}: {
  host: PypiHost;
  username: string;
  facts: RecoveryAccountFacts | undefined;
  reason: string;
  /** True when the user can still sign in: the kit is for a future lock-out. */
  ahead: boolean;
  effects: PageEffects;
  announce: Announce;
}) {
  const [notes, setNotes] = useState('');
  const kit = useMemo(() => buildEvidenceKit({ host, username, facts, reason, notes }), [host, username, facts, reason, notes]);
  const download = () => {
    const now = effects.now();
    effects.download(evidenceFileName(kit, now), evidenceMarkdown(kit, now));
    announce('Evidence kit saved as a Markdown file.');
  };
  return (
    <Section step="evidence" title={ahead ? 'Save your evidence kit now, while you still have access' : 'Your evidence kit'}>
      <p>
        {ahead
          ? 'If you are ever locked out, these facts prove the account is yours. Save them somewhere other than this browser.'
          : 'Keep these at hand: the admins may ask for them by email. The file is private; it lists your full email addresses.'}
      </p>
      <ul class="evidence">
        {kit.items.map((item) => (
          <li key={item.id} data-evidence={item.id} data-source={item.source}>
            <span aria-hidden="true">{item.values.length > 0 ? '☑ ' : '☐ '}</span>
            <strong>{item.label}</strong>
            {item.values.length > 0 ? (
              <ul>
                {item.values.map((value) => (
                  <li key={value}>{value}</li>
                ))}
              </ul>
            ) : (
              <span class="muted">: not known yet. {item.tip}</span>
            )}
          </li>
        ))}
      </ul>
      <label>
        Notes only you know (earlier addresses, where your code lives)
        <textarea data-input="evidence-notes" rows={2} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      {kit.removed.length > 0 ? (
        <p class="error" role="alert">
          Left out of the kit: {kit.removed.map((kind) => SECRET_LABELS[kind]).join(', ')}. Never keep a secret next to this list.
        </p>
      ) : null}
      <button type="button" class="button" data-action="download-evidence" onClick={download}>
        Download as Markdown (.md)
      </button>
    </Section>
  );
}

const STATUS_TEXT: Record<RecoveryRequest['status'], string> = {
  drafted: 'Draft (form opened, not yet marked submitted)',
  submitted: 'Submitted, waiting for PyPI support',
  answered: 'Answered by PyPI support',
  resolved: 'Resolved',
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
    } catch (caught) {
      setError(caught instanceof TrackerError ? caught.message : 'Could not save the change. Try again.');
    }
    onChanged();
  };
  const now = effects.now();
  return (
    <Section step="tracker" title="Your recovery requests">
      {followUp ? (
        <p class="note" data-follow-up>
          No answer yet? Add one short, polite comment to your issue asking about its status — do not open a new request: duplicates slow the
          queue for everyone.
        </p>
      ) : null}
      {requests.length === 0 ? (
        <p class="muted">None tracked yet.</p>
      ) : (
        <ul class="requests">
          {requests.map((request) => {
            const days = request.submittedAt === undefined ? null : Math.floor((now - request.submittedAt) / 86_400_000);
            return (
              <li key={request.id} data-request={request.id} data-status={request.status}>
                <p>
                  <strong>{request.username}</strong> on {request.host}: {STATUS_TEXT[request.status]}
                  {days !== null ? ` · submitted ${days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`}` : ''}
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
                    <button type="button" class="button button--small" data-action="mark-answered" onClick={() => void act(() => markAnswered(db, request.id, effects.now()), 'Marked answered.')}>
                      The admins answered
                    </button>
                  ) : null}
                  {request.status === 'submitted' || request.status === 'answered' ? (
                    <button type="button" class="button button--small" data-action="mark-resolved" onClick={() => void act(() => markResolved(db, request.id, effects.now()), 'Marked resolved.')}>
                      I am back in (resolved)
                    </button>
                  ) : null}
                  {request.status === 'drafted' ? (
                    <button type="button" class="button button--small" data-action="discard-draft" onClick={() => void act(() => discardDraft(db, request.id), 'Draft discarded.')}>
                      Discard draft
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
