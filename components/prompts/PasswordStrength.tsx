import { useEffect, useState } from 'preact/hooks';
import { assessPassword, PYPI_MIN_SCORE, SINGLE_FACTOR_MIN_LENGTH, type PasswordAssessment } from '@/utils/prompts/password/evaluate';
import type { LazyZxcvbn } from '@/utils/prompts/password/lazy-zxcvbn';
import type { PasswordForm } from '@/utils/prompts/password/form';
import { guardInputs, pypiRuleInputs } from '@/utils/prompts/password/inputs';
import { definePrompt } from '@/utils/prompts/types';
import { PromptCard } from './PromptCard';

export interface PasswordStrengthProps {
  passwordForm: PasswordForm;
  zxcvbn: LazyZxcvbn;
}

/**
 * Explains a new password while it is typed — the reasons, suggestions, crack-time estimate and
 * length advice that PyPI's own small gauge (pypi-facts.md §7) does not give. No second bar and
 * no score out of 4 next to PyPI's: one verdict in PyPI's terms ("PyPI will refuse this") and the
 * explanation. Scored in memory on every input event; nothing is kept.
 */
export function PasswordStrength({ passwordForm, zxcvbn }: PasswordStrengthProps) {
  const { field } = passwordForm;
  const [engaged, setEngaged] = useState(field.value.length > 0 || field.ownerDocument.activeElement === field);
  const [assessment, setAssessment] = useState<PasswordAssessment | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const evaluate = () => {
      if (field.value.length === 0) {
        setAssessment(null);
        return;
      }
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
  const state = assessment === null ? 'empty' : assessment.pypiRefuses ? 'pypi-fails' : 'pypi-accepts';
  return (
    <PromptCard title="About this new password" tone={assessment?.pypiRefuses ? 'danger' : assessment?.lengthAdvice ? 'warning' : 'info'} state={state}>
      {assessment === null ? (
        <p class="pg-muted">Type a password to see why it is strong or weak. It is checked on this computer and never sent.</p>
      ) : (
        <>
          <p class="pg-verdict" data-tone={assessment.pypiRefuses ? 'danger' : 'good'} aria-live="polite" data-score={assessment.score}>
            {assessment.pypiRefuses
              ? 'PyPI will refuse this password: it is too easy to guess.'
              : 'PyPI will accept this password.'}
          </p>
          <p data-field="crack-time">
            Time to guess it if PyPI’s password database leaked: <span class="pg-strong">{assessment.crackTime}</span>.
          </p>
          {assessment.warning && <p data-field="warning">{assessment.warning}.</p>}
          {assessment.suggestions.length > 0 && (
            <ul data-field="suggestions">
              {assessment.suggestions.map((suggestion) => (
                <li key={suggestion}>{suggestion}</li>
              ))}
            </ul>
          )}
          {assessment.lengthAdvice && (
            <p data-field="length-advice">
              {assessment.lengthAdvice === 'no-2fa' ? 'This account has no two-factor authentication yet, so the password is its only lock: ' : 'Unless this account has two-factor authentication, the password is its only lock: '}
              use at least {SINGLE_FACTOR_MIN_LENGTH} characters (this one has {assessment.length}; NIST SP 800-63B).
            </p>
          )}
          <p class="pg-muted">
            Adds the reasons to PyPI’s own strength gauge; PyPI asks for a score of at least {PYPI_MIN_SCORE} of 4. Checked on this computer, never sent.
          </p>
        </>
      )}
    </PromptCard>
  );
}

/**
 * The `password-strength` prompt for the page's new-password form. Its dismissals belong to the
 * account: the one signed in (change), the one typed (register; the whole host until a username
 * is typed), and on the reset page — whose token names no account — the whole PyPI host.
 */
export function passwordStrengthPrompt(props: PasswordStrengthProps) {
  return definePrompt({
    id: 'password-strength',
    pages: ['register', 'account-settings', 'reset-password'],
    dismissal: 'remember',
    field: () => props.passwordForm.field,
    Component: () => <PasswordStrength {...props} />,
  });
}
