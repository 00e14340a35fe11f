import { useEffect, useState } from 'preact/hooks';
import { assessPassword, PYPI_MIN_SCORE, SINGLE_FACTOR_MIN_LENGTH, type PasswordAssessment } from '@/utils/prompts/password/evaluate';
import type { LazyZxcvbn } from '@/utils/prompts/password/lazy-zxcvbn';
import type { PasswordForm } from '@/utils/prompts/password/form';
import { guardInputs, pypiRuleInputs } from '@/utils/prompts/password/inputs';
import { passwordCardSpeaks, passwordHeadline, strengthVerdict, type PasswordHeadline } from '@/utils/prompts/password/verdict';
import type { PasswordWatch } from '@/utils/prompts/password/watch';
import type { BreachState } from '@/utils/prompts/breach/checker';
import { definePrompt } from '@/utils/prompts/types';
import { t } from '@/utils/text/messages';
import { PromptCard, type PromptTone } from './PromptCard';
import { useObservable } from './use-observable';
import { onUserClick } from './user-click';

export interface PasswordVerdictProps {
  passwordForm: PasswordForm;
  zxcvbn: LazyZxcvbn;
  watch: PasswordWatch;
}


const TONES: Record<PasswordHeadline, PromptTone> = { empty: 'info', scoring: 'info', breached: 'danger', weak: 'danger', fair: 'warning', strong: 'good' };


/** What Have I Been Pwned said, as a line of the card (a leaked password is the headline instead). */
function BreachLine({ breach }: { breach: Exclude<BreachState, { status: 'found' }> }) {
  switch (breach.status) {
    case 'idle':
      return null;
    case 'checking':
      return <p data-field="breach" data-state="checking" class="pg-muted" aria-live="polite">{t('breach_checking')}</p>;
    case 'not-found':
      return <p data-field="breach" data-state="not-found" aria-live="polite">{t('breach_not_found')}</p>;
    case 'could-not-check':
      return <p data-field="breach" data-state="could-not-check" aria-live="polite">{t(breach.reason === 'offline' ? 'breach_offline' : 'breach_unavailable')}</p>;
    case 'disabled':
      return <p data-field="breach" data-state="disabled" class="pg-muted">{t('breach_off')}</p>;
  }
}

/**
 * A password field's one card: strength and breach together under one headline
 * (utils/prompts/password/verdict.ts), so the two verdicts can never contradict each other.
 * Strength is scored in memory on every input event with zxcvbn, adding the reasons,
 * suggestions, crack-time estimate and length advice that PyPI's own small gauge (pypi-facts.md
 * §7) does not give — no second bar next to PyPI's. Have I Been Pwned is asked on blur or submit
 * (watch.ts). Nothing is kept.
 */
export function PasswordVerdict({ passwordForm, zxcvbn, watch }: PasswordVerdictProps) {
  const { field, kind } = passwordForm;
  const [engaged, setEngaged] = useState(field.value.length > 0 || field.ownerDocument.activeElement === field);
  const [typed, setTyped] = useState(field.value.length > 0);
  const [assessment, setAssessment] = useState<PasswordAssessment | null>(null);
  const breach = useObservable(watch.breach);
  const heldBack = useObservable(watch.heldBack);

  useEffect(() => {
    const controller = new AbortController();
    const evaluate = () => {
      setTyped(field.value.length > 0);
      if (field.value.length === 0) return setAssessment(null);
      const assess = (score: NonNullable<ReturnType<LazyZxcvbn['ready']>>) => {
        const password = field.value; // the latest value, if typing went on while zxcvbn loaded
        if (controller.signal.aborted) return;
        if (password.length === 0) return setAssessment(null);
        const words = passwordForm.words();
        setAssessment(assessPassword(score, password, { pypiInputs: pypiRuleInputs(words), guardInputs: guardInputs(words), twoFactor: passwordForm.twoFactor() }));
      };
      const ready = zxcvbn.ready();
      if (ready) assess(ready);
      else void zxcvbn.load().then(assess);
    };
    field.addEventListener('focus', () => setEngaged(true), { signal: controller.signal });
    field.addEventListener(
      'input',
      () => {
        setEngaged(true);
        evaluate();
      },
      { signal: controller.signal },
    );
    if (field.value.length > 0) evaluate();
    return () => controller.abort();
  }, [field, passwordForm, zxcvbn]);

  if (!engaged) return null;
  const login = kind === 'login';
  const strength = assessment && strengthVerdict(assessment);
  const headline = passwordHeadline(typed, strength, breach);
  if (!passwordCardSpeaks(kind, headline)) return null;

  const actions =
    breach.status === 'found' && login ? (
      <a class="pg-button pg-button--primary" href="/account/request-password-reset/">
        {t('breach_reset_password')}
      </a>
    ) : breach.status === 'could-not-check' ? (
      <button type="button" class="pg-button" data-action="retry" onClick={onUserClick(() => watch.checkNow())}>
        {t('breach_check_again')}
      </button>
    ) : undefined;

  return (
    <PromptCard title={t(`password_headline_${headline}`)} tone={TONES[headline]} state={headline} actions={actions}>
      {headline === 'empty' && <p class="pg-muted">{t('password_empty')}</p>}
      {headline === 'scoring' && <p class="pg-muted">{t('password_scoring')}</p>}
      {breach.status === 'found' && (
        <div data-field="breach" data-state="found">
          <p aria-live="assertive">{t('breach_found', { count: breach.count })}</p>
          <p>{t(login ? 'breach_consequence_login' : 'breach_consequence_new')}</p>
          {heldBack && (
            <p data-field="held-back" class="pg-strong">
              {t('breach_held_back')}
            </p>
          )}
        </div>
      )}
      {assessment && (
        <div data-field="strength" data-verdict={strength} data-score={assessment.score}>
          {/* Once leaked, how long it would take to guess no longer matters: attackers try it first. */}
          {breach.status !== 'found' && (
            <p data-field="crack-time" aria-live="polite">
              {t('password_crack_time', { time: assessment.crackTime })}
            </p>
          )}
          {assessment.warning && <p data-field="warning">{assessment.warning}</p>}
          {assessment.suggestions.length > 0 && (
            <ul data-field="suggestions">
              {assessment.suggestions.map((suggestion) => (
                <li key={suggestion}>{suggestion}</li>
              ))}
            </ul>
          )}
          {assessment.lengthAdvice && (
            <p data-field="length-advice">
              {t(assessment.lengthAdvice === 'no-2fa' ? 'password_length_advice_no_2fa' : 'password_length_advice_maybe_no_2fa', { minimum: SINGLE_FACTOR_MIN_LENGTH, length: assessment.length })}
            </p>
          )}
        </div>
      )}
      {breach.status !== 'found' && <BreachLine breach={breach} />}
      {assessment && <p class="pg-muted">{login ? t('password_about_login') : t('password_about_new', { minimum: PYPI_MIN_SCORE })}</p>}
    </PromptCard>
  );
}

/**
 * The `password` prompt: the one card of the page's password field (login, register, change,
 * reset). It carries a breach warning, which must come back: "Close" hides it for this page
 * only, like every field's helper; the breach check itself is switched off in PyPI Guard's
 * options (`breachCheck`).
 */
export function passwordVerdictPrompt(props: PasswordVerdictProps) {
  return definePrompt({
    id: 'password',
    pages: ['login', 'register', 'account-settings', 'reset-password'],
    dismissal: 'page',
    field: () => props.passwordForm.field,
    Component: () => <PasswordVerdict {...props} />,
  });
}
