import { useMemo, useState } from 'preact/hooks';
import type { PypiHost } from '@/utils/pypi/hosts';
import type { Answers } from '@/utils/recovery/decision';
import type { RecoveryAccountFacts } from '@/utils/recovery/facts';
import { buildRequest, isBlocked, type EmailDisclosure, type FormField } from '@/utils/recovery/request';
import { TrackerError, createDraft, otherOpenRequests, recordSubmission } from '@/utils/recovery/tracker';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { RecoveryRequest } from '@/utils/store/types';
import { CopyButton, Section, type Announce, type PageEffects } from './ui';

const DISCLOSURES: { value: EmailDisclosure; label: string }[] = [
  { value: 'masked', label: 'Partly hidden (a…e@example.org): enough for the admins to recognise' },
  { value: 'full', label: 'In full' },
  { value: 'none', label: 'Not at all' },
];

function FieldRow({ field, effects, announce }: { field: FormField; effects: PageEffects; announce: Announce }) {
  if (field.kind === 'markdown') {
    return (
      <li data-field={field.id} class="field">
        <p class="field__label">Introduction (already on the form)</p>
        <p class="muted">The form opens with “{field.text.replace(/\*\*/g, '')}” — nothing to fill in.</p>
      </li>
    );
  }
  if (field.kind === 'checkboxes') {
    return (
      <li data-field={field.id} class="field">
        <p class="field__label">
          {field.label} <span class="badge">tick it yourself</span>
        </p>
        <p class="muted">{field.description}</p>
        <p>
          <span aria-hidden="true">☐ </span>
          <q data-option>{field.option}</q>
          {field.link ? (
            <>
              {' '}
              <a href={field.link.url} target="_blank" rel="noopener noreferrer">
                Read the {field.link.text}
                <span class="sr-only"> (new tab)</span>
              </a>
            </>
          ) : null}
        </p>
        <p>{field.explanation}</p>
      </li>
    );
  }
  const valueId = `field-value-${field.id}`;
  return (
    <li data-field={field.id} class="field">
      <p class="field__label" id={`${valueId}-label`}>
        {field.label} <span class="muted">({field.kind === 'input' ? 'one line' : 'text box'})</span>
      </p>
      <p class="muted">{field.description}</p>
      <div class="field__value">
        <pre id={valueId} data-value aria-labelledby={`${valueId}-label`} tabIndex={0}>
          {field.value || '(fill in above)'}
        </pre>
        <CopyButton id={field.id} label={field.label} text={field.value} copy={effects.copy} announce={announce} />
      </div>
    </li>
  );
}

/**
 * Step 4, the support path: the form's fields in the form's order, each ready to copy; the three
 * boxes the user ticks on GitHub; a Markdown copy. The form opens only after the user has seen it
 * all and says so; PyPI Guard sends nothing — the user pastes and submits on GitHub.
 */
export function RequestStep({
  host,
  username,
  answers,
  facts,
  effects,
  announce,
  db,
  requests,
  onTracked,
}: {
  host: PypiHost;
  username: string;
  answers: Answers;
  facts: RecoveryAccountFacts | undefined;
  effects: PageEffects;
  announce: Announce;
  db: PypiGuardDb | null;
  /** Every tracked request; the warning picks the account's open ones. */
  requests: RecoveryRequest[];
  onTracked: () => void;
}) {
  const [reasonText, setReasonText] = useState('');
  const [extraDetails, setExtraDetails] = useState('');
  const [disclosure, setDisclosure] = useState<EmailDisclosure>('masked');
  const [reviewed, setReviewed] = useState(false);
  const [opened, setOpened] = useState(false);
  const [issueUrl, setIssueUrl] = useState('');
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [tracked, setTracked] = useState<RecoveryRequest | null>(null);

  const request = useMemo(
    () => buildRequest({ host, username, answers, facts, reasonText, extraDetails, emailDisclosure: disclosure }),
    [host, username, answers, facts, reasonText, extraDetails, disclosure],
  );
  const blocked = isBlocked(request);
  // The request tracked from this page is the user's own, not a duplicate to warn about.
  const duplicates = otherOpenRequests(requests, host, username, tracked?.id);
  const hasEmails = (facts?.emails?.value.length ?? 0) > 0;

  const openForm = async () => {
    if (!reviewed || blocked) return;
    effects.openTab(request.formUrl);
    setOpened(true);
    announce('The form opened in a new tab. Paste each field, tick the three boxes, and submit it once.');
    if (db) {
      const saved = await createDraft(db, host, username, effects.now()).catch(() => null);
      if (saved) effects.dataChanged();
    }
    onTracked();
  };

  const markSubmitted = async (event: Event) => {
    event.preventDefault();
    if (!db) {
      setSubmitError('PyPI Guard cannot store anything in this browser profile, so it cannot remind you. Keep the issue’s address somewhere safe.');
      return;
    }
    try {
      const saved = await recordSubmission(db, host, username, issueUrl, effects.now());
      setTracked(saved);
      setSubmitError(null);
      announce('Request tracked.');
      // The background schedules the 14-day follow-up and updates the badge now, not at its next hourly tick.
      effects.dataChanged();
      onTracked();
    } catch (error) {
      setSubmitError(error instanceof TrackerError ? error.message : 'Could not save the request. Try again; if it keeps failing, keep the issue’s address somewhere safe.');
    }
  };

  return (
    <Section step="request" title="Your account recovery request to PyPI support">
      {duplicates.length > 0 ? (
        <div class="warning" role="alert" data-warning="duplicate">
          <p>
            <strong>This account already has a request in PyPI’s queue.</strong> A second one only slows everyone down, yours included. Add a
            polite comment to the existing issue instead:
          </p>
          <ul>
            {duplicates.map((open) => (
              <li key={open.id}>
                <a href={open.issueUrl} target="_blank" rel="noopener noreferrer">
                  {open.issueUrl}
                </a>{' '}
                ({open.status})
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <p>
        PyPI support takes these requests on a public GitHub form whose fields cannot be filled in from outside. PyPI Guard prepares each field below;
        you paste them into the form and submit it yourself. Nothing is sent by PyPI Guard.
      </p>
      <p class="warning" data-warning="public">
        The issue is <strong>public</strong>. Never type a password, recovery code, two-factor key or API token here — PyPI’s admins never need
        them. PyPI Guard removes recovery codes, two-factor keys, tokens and anything written as “password: …”, but a password typed on its own
        looks like any other word and cannot be recognised: it would stay in the text.
      </p>

      <div class="inputs">
        <label>
          In your own words (optional): what happened, and when?
          <textarea data-input="reason-text" rows={3} value={reasonText} onInput={(e) => setReasonText(e.currentTarget.value)} />
        </label>
        <label>
          Anything else for the admins (optional): earlier email addresses, other proof you can give
          <textarea data-input="extra-details" rows={2} value={extraDetails} onInput={(e) => setExtraDetails(e.currentTarget.value)} />
        </label>
        {hasEmails ? (
          <fieldset data-input="email-disclosure">
            <legend>Show the account’s email addresses in the public issue</legend>
            {DISCLOSURES.map((option) => (
              <label key={option.value} class="choice">
                <input type="radio" name="email-disclosure" value={option.value} checked={disclosure === option.value} onChange={() => setDisclosure(option.value)} />{' '}
                {option.label}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>

      {request.problems.length > 0 ? (
        <ul class="problems" role="alert" data-problems>
          {request.problems.map((problem) => (
            <li key={problem.message} data-problem={problem.field}>
              {problem.message}
            </li>
          ))}
        </ul>
      ) : null}

      <h3>The form’s fields, in order</h3>
      <ol class="fields">
        {request.fields.map((field) => (
          <FieldRow key={field.id} field={field} effects={effects} announce={announce} />
        ))}
      </ol>

      <h3>
        <label for="request-markdown">Everything as Markdown</label>
      </h3>
      <p class="muted">The same request as one text, to keep or to paste into an email if the admins ask.</p>
      <div class="field__value">
        <textarea id="request-markdown" data-field="markdown" readOnly rows={12} value={request.markdown} />
        <CopyButton id="markdown" label="Markdown" text={request.markdown} copy={effects.copy} announce={announce} />
      </div>

      <div class="open-form">
        <label class="choice">
          <input type="checkbox" data-field="reviewed" checked={reviewed} onChange={(e) => setReviewed(e.currentTarget.checked)} /> I have read every
          field above and will paste them into the form and tick the boxes myself.
        </label>
        <button
          type="button"
          class="button"
          data-action="open-form"
          disabled={!reviewed || blocked}
          aria-describedby="open-form-note"
          onClick={() => void openForm()}
        >
          Open the form on GitHub
        </button>
        <p id="open-form-note" class="muted">
          {blocked ? 'Fix the problems listed above first. ' : ''}Opens github.com/pypi/support in a new tab — the form PyPI’s help page links to.
        </p>
      </div>

      <form class="submitted" data-step="submitted" onSubmit={(event) => void markSubmitted(event)}>
        <h3>After submitting</h3>
        {tracked ? (
          <p role="status" data-status="submitted">
            Tracked: <a href={tracked.issueUrl}>{tracked.issueUrl}</a>. PyPI Guard will remind you to follow up if nothing has happened in 14 days. Do
            not open a second request; comment on this one.
          </p>
        ) : (
          <>
            <label>
              {opened ? 'Submitted? Paste the address of your new issue:' : 'Already submitted? Paste the address of your issue:'}
              <input
                type="url"
                data-field="issue-url"
                placeholder="https://github.com/pypi/support/issues/1234"
                value={issueUrl}
                aria-invalid={submitError ? 'true' : undefined}
                aria-describedby={submitError ? 'issue-url-error' : undefined}
                onInput={(e) => setIssueUrl(e.currentTarget.value)}
              />
            </label>
            {submitError ? (
              <p id="issue-url-error" class="error" role="alert">
                {submitError}
              </p>
            ) : null}
            <button type="submit" class="button" data-action="mark-submitted">
              I submitted it
            </button>
          </>
        )}
      </form>
    </Section>
  );
}
