import { t, uiLanguage } from '@/utils/text/messages';
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { PypiHost } from '@/utils/pypi/hosts';
import type { Answers } from '@/utils/recovery/decision';
import type { RecoveryAccountFacts } from '@/utils/recovery/facts';
import { buildRequest, isBlocked, type CheckboxField, type EmailDisclosure, type TextField } from '@/utils/recovery/request';
import { TrackerError, createDraft, otherOpenRequests, recordSubmission } from '@/utils/recovery/tracker';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { RecoveryRequest } from '@/utils/store/types';
import { STATUS_TEXT } from './Sections';
import { CopyButton, type Announce, type PageEffects } from './ui';
import { RichText } from '@/components/RichText';

/** The shape of the address the tracker expects (an example, not words: the same in every language). */
const ISSUE_URL_EXAMPLE = 'https://github.com/pypi/support/issues/1234';

/** How much of the account's email addresses the public issue shows; each labelled `request_disclosure_<value>`. */
const DISCLOSURES: EmailDisclosure[] = ['masked', 'full', 'none'];

/** The three numbered steps, each with a title (`request_step_<id>_title`) and a lead line (`recovery_step_<id>`, also the support path's steps in utils/recovery/decision.ts). */
type RequestStepId = 'prepare' | 'file' | 'track';

function NumberedStep({ number, id, children }: { number: 1 | 2 | 3; id: RequestStepId; children: ComponentChildren }) {
  const headingId = `request-step-${id}`;
  return (
    <li class="request-step" data-request-step={id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span class="request-step__number" aria-hidden="true">
          {number}
        </span>
        <span class="sr-only">{t('request_step_number', { number })} </span>
        {t(`request_step_${id}_title`)}
      </h3>
      <p class="muted">{t(`recovery_step_${id}`)}</p>
      {children}
    </li>
  );
}

/** A field the user pastes: its label on the form, what the form asks, the value, and a Copy button. */
function TextFieldRow({ field, effects, announce, children }: { field: TextField; effects: PageEffects; announce: Announce; children?: ComponentChildren }) {
  const valueId = `field-value-${field.id}`;
  return (
    <li data-field={field.id} class="field">
      <p class="field__label" id={`${valueId}-label`}>
        {field.label} <span class="muted">— {field.description}</span>
      </p>
      <div class="field__value">
        <pre id={valueId} data-value aria-labelledby={`${valueId}-label`} tabIndex={0}>
          {field.value || t('request_fill_in_above')}
        </pre>
        <CopyButton id={field.id} label={field.label} text={field.value} copy={effects.copy} announce={announce} />
      </div>
      {children}
    </li>
  );
}

/** The form's three boxes, which only the user may tick: each statement as the form words it, with when it is true. */
function BoxesRow({ boxes }: { boxes: CheckboxField[] }) {
  return (
    <li class="field" data-field="boxes">
      <p class="field__label">{t('request_boxes_title')}</p>
      <ul class="boxes">
        {boxes.map((box) => (
          <li key={box.id} data-field={box.id}>
            <strong>{box.label}:</strong> <q data-option>{box.option}</q>
            {box.link ? (
              <>
                {' '}
                <a href={box.link.url} target="_blank" rel="noopener noreferrer">
                  {t('request_read_link', { text: box.link.text })}
                  <span class="sr-only"> {t('new_tab_context')}</span>
                </a>
              </>
            ) : null}
            <span class="muted"> {box.explanation}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * The support path's account recovery request, in three numbered steps — fill in the fields, open the form, paste the issue's
 * address back — each field once, in the form's order. The form opens only after the user has seen
 * the fields and says so; PyPI Guard sends nothing: the user pastes and submits on GitHub.
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
  // The form's introduction is already on it: only what the user fills in or ticks is listed.
  const textFields = request.fields.filter((field): field is TextField => field.kind === 'input' || field.kind === 'textarea');
  const boxes = request.fields.filter((field): field is CheckboxField => field.kind === 'checkboxes');

  const openForm = async () => {
    if (!reviewed || blocked) return;
    effects.openTab(request.formUrl);
    setOpened(true);
    announce(t('request_form_opened'));
    if (db) {
      const saved = await createDraft(db, host, username, effects.now()).catch(() => null);
      if (saved) effects.dataChanged();
    }
    onTracked();
  };

  const markSubmitted = async (event: Event) => {
    event.preventDefault();
    if (!db) {
      setSubmitError(t('request_cannot_store'));
      return;
    }
    try {
      const saved = await recordSubmission(db, host, username, issueUrl, effects.now());
      setTracked(saved);
      setSubmitError(null);
      announce(t('request_tracked_announce'));
      // The background schedules the 14-day follow-up and updates the badge now, not at its next hourly tick.
      effects.dataChanged();
      onTracked();
    } catch (error) {
      setSubmitError(error instanceof TrackerError ? error.message : t('request_save_failed'));
    }
  };

  return (
    <div data-step="request">
      {duplicates.length > 0 ? (
        <div class="warning" role="alert" data-warning="duplicate">
          <p>
            <RichText text={t('request_duplicate')} parts={{ 1: (words) => <strong>{words}</strong> }} />
          </p>
          <ul>
            {duplicates.map((open) => (
              <li key={open.id}>
                <a href={open.issueUrl} target="_blank" rel="noopener noreferrer">
                  {open.issueUrl}
                </a>{' '}
                ({t(STATUS_TEXT[open.status])})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="warning" data-warning="public">
        <RichText text={t('request_public_warning')} parts={{ 1: (words) => <strong>{words}</strong> }} />
      </p>

      {/* The admins read English: the fields are never translated, and a reader of another language is told why. */}
      {uiLanguage().startsWith('en') ? null : (
        <p class="note" data-note="request-in-english">
          {t('request_english_note')}
        </p>
      )}
      <ol class="request-steps">
        <NumberedStep number={1} id="prepare">
          <ol class="fields">
            {textFields.map((field) => (
              <TextFieldRow key={field.id} field={field} effects={effects} announce={announce}>
                {field.id === 'reason' ? (
                  <div class="inputs">
                    <details class="more">
                      <summary>{t(hasEmails ? 'request_own_words_emails' : 'request_own_words')}</summary>
                      {/* What the user types goes to the admins as it is: a reader of another language is asked for English. */}
                      {uiLanguage().startsWith('en') ? null : (
                        <p class="muted" data-note="own-words-in-english">
                          {t('request_own_words_english')}
                        </p>
                      )}
                      <label>
                        {t('request_reason_text')}
                        <textarea data-input="reason-text" rows={2} value={reasonText} onInput={(e) => setReasonText(e.currentTarget.value)} />
                      </label>
                      <label>
                        {t('request_extra_details')}
                        <textarea data-input="extra-details" rows={2} value={extraDetails} onInput={(e) => setExtraDetails(e.currentTarget.value)} />
                      </label>
                      {hasEmails ? (
                        <fieldset data-input="email-disclosure">
                          <legend>{t('request_email_disclosure')}</legend>
                          {DISCLOSURES.map((option) => (
                            <label key={option} class="choice">
                              <input type="radio" name="email-disclosure" value={option} checked={disclosure === option} onChange={() => setDisclosure(option)} />{' '}
                              {t(`request_disclosure_${option}`)}
                            </label>
                          ))}
                        </fieldset>
                      ) : null}
                    </details>
                  </div>
                ) : null}
              </TextFieldRow>
            ))}
            <BoxesRow boxes={boxes} />
          </ol>
          {request.problems.length > 0 ? (
            <ul class="problems" role="alert" data-problems>
              {request.problems.map((problem) => (
                <li key={problem.message} data-problem={problem.field}>
                  {problem.message}
                </li>
              ))}
            </ul>
          ) : null}
          <p class="actions">
            <CopyButton id="markdown" label={t('request_copy_label')} text={request.markdown} copy={effects.copy} announce={announce}>
              {t('request_copy_all')}
            </CopyButton>{' '}
            <span class="muted">{t('request_copy_all_hint')}</span>
          </p>
        </NumberedStep>

        <NumberedStep number={2} id="file">
          <div class="open-form">
            <label class="choice">
              <input type="checkbox" data-field="reviewed" checked={reviewed} onChange={(e) => setReviewed(e.currentTarget.checked)} />{' '}
              {t('request_reviewed')}
            </label>
            <button
              type="button"
              class="button"
              data-action="open-form"
              disabled={!reviewed || blocked}
              aria-describedby="open-form-note"
              onClick={() => void openForm()}
            >
              {t('request_open_form')}
            </button>
            <p id="open-form-note" class="muted">
              {blocked ? `${t('request_fix_problems_first')} ` : ''}
              {t('request_open_form_note')}
            </p>
          </div>
        </NumberedStep>

        <NumberedStep number={3} id="track">
          <form class="submitted" data-step="submitted" onSubmit={(event) => void markSubmitted(event)}>
            {tracked ? (
              <p role="status" data-status="submitted">
                <RichText text={t('request_tracked', { url: tracked.issueUrl ?? '' })} parts={{ 1: (url) => <a href={tracked.issueUrl}>{url}</a> }} />
              </p>
            ) : (
              <>
                <label>
                  {t(opened ? 'request_paste_new' : 'request_paste_existing')}
                  <input
                    type="url"
                    data-field="issue-url"
                    placeholder={ISSUE_URL_EXAMPLE}
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
                  {t('request_submitted')}
                </button>
              </>
            )}
          </form>
        </NumberedStep>
      </ol>
    </div>
  );
}
