import { useEffect, useMemo, useState } from 'preact/hooks';
import { checkTotpCode, CLOCK_WARNING_MS, describeOffset, readTotpKey, TOTP_PERIOD_SECONDS, type TotpCodeCheck } from '@/utils/prompts/totp/check';
import { definePrompt, type PromptEnv } from '@/utils/prompts/types';
import { formatDuration } from '@/utils/text/format';
import { t } from '@/utils/text/messages';
import { PromptCard } from './PromptCard';

export interface TotpCheckProps {
  env: PromptEnv;
  /** This computer's clock minus PyPI's, in ms (null when it could not be measured). */
  measureClockOffset(): Promise<number | null>;
}

const KEY_SELECTOR = '.totp-form__manual-code code[data-clipboard-target="source"]';
const CODE_FIELD = 'form.totp-form__form input[name="totp_value"]';

/**
 * On PyPI's authentication-app set-up page: checks the code typed from the phone against the key
 * PyPI shows, before it is submitted — right now, off by some 30-second steps (the phone's clock),
 * or wrong. The key is read from the page into memory and never stored or sent.
 */
export function TotpCheck({ env, measureClockOffset }: TotpCheckProps) {
  const key = useMemo(() => readTotpKey(env.doc.querySelector(KEY_SELECTOR)?.textContent), [env.doc]);
  const field = useMemo(() => env.doc.querySelector<HTMLInputElement>(CODE_FIELD), [env.doc]);
  const [check, setCheck] = useState<TotpCodeCheck | null>(null);
  const [clockOffset, setClockOffset] = useState<number | null>(null);

  // Measured when the user turns to the code field (focus or typing), not on page load: only
  // someone setting up the app pays for the request, and it reflects the moment of typing.
  useEffect(() => {
    if (!field) return;
    const controller = new AbortController();
    const measure = () => {
      controller.abort();
      void measureClockOffset().then((offset) => {
        if (!env.signal.aborted) setClockOffset(offset);
      });
    };
    field.addEventListener('focus', measure, { signal: controller.signal });
    field.addEventListener('input', measure, { signal: controller.signal });
    if (field.ownerDocument.activeElement === field) measure();
    return () => controller.abort();
  }, [field, measureClockOffset, env]);

  const clockIsOff = clockOffset !== null && Math.abs(clockOffset) > CLOCK_WARNING_MS;

  useEffect(() => {
    if (!field || !key) return;
    const controller = new AbortController();
    const evaluate = () => {
      const code = field.value.replace(/\s+/g, '');
      if (!/^\d{6}$/.test(code)) {
        setCheck(null);
        return;
      }
      // Judge against PyPI's time when this computer's clock is known to be off.
      const pypiNow = env.now() - (clockIsOff ? clockOffset! : 0);
      setCheck(checkTotpCode(key, code, pypiNow));
    };
    field.addEventListener('input', evaluate, { signal: controller.signal });
    field.form?.addEventListener('submit', evaluate, { signal: controller.signal });
    evaluate();
    return () => controller.abort();
  }, [field, key, env, clockIsOff, clockOffset]);

  if (!key || !field || (check === null && !clockIsOff)) return null;

  const tone = check?.result === 'match' && !clockIsOff ? 'good' : check?.result === 'no-match' ? 'danger' : 'warning';
  const state = check ? check.result : 'clock-only';
  return (
    <PromptCard title={t('totp_title')} tone={tone} state={state}>
      {check?.result === 'match' && (
        <p class="pg-verdict" data-tone="good" aria-live="polite">
          {t('totp_match', { duration: formatDuration(TOTP_PERIOD_SECONDS, 'second') })}
        </p>
      )}
      {check?.result === 'drift' && (
        <>
          <p class="pg-verdict" data-tone="warning" aria-live="polite" data-offset-seconds={check.offsetSeconds}>
            {t(check.step > 0 ? 'totp_drift_ahead' : 'totp_drift_behind', { duration: formatDuration(Math.abs(check.offsetSeconds), 'second') })}
          </p>
          <p>{t(check.acceptedByPypi ? 'totp_drift_accepted' : 'totp_drift_refused')}</p>
        </>
      )}
      {check?.result === 'no-match' && (
        <>
          <p class="pg-verdict" data-tone="danger" aria-live="polite">
            {t('totp_no_match')}
          </p>
          <p>{t('totp_no_match_help')}</p>
        </>
      )}
      {clockIsOff && (
        <p data-field="clock" data-clock-offset-ms={clockOffset}>
          {t(clockOffset! > 0 ? 'totp_clock_ahead' : 'totp_clock_behind', { duration: describeOffset(clockOffset!) })}{' '}
          {t(check ? 'totp_clock_checked_above' : 'totp_clock_checked')}
        </p>
      )}
      <p class="pg-muted">{t('totp_footnote')}</p>
    </PromptCard>
  );
}

/** The `totp-check` prompt on /manage/account/totp-provision. */
export function totpCheckPrompt(measureClockOffset: () => Promise<number | null>) {
  return definePrompt({
    id: 'totp-check',
    pages: ['totp-provision'],
    // A verdict on the field being typed in: × closes it for this page view; nothing to snooze.
    dismissal: 'page',
    field: () => document.querySelector(CODE_FIELD),
    Component: ({ env }) => <TotpCheck env={env} measureClockOffset={measureClockOffset} />,
  });
}
