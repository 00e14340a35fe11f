import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { hasDataConsent, requestDataConsent } from '@/utils/data-consent';
import { DAY_MS } from '@/utils/reminders';
import type { SectionProps } from './App';
import { formatDateTime } from '@/utils/text/format';
import { t, type MessageId } from '@/utils/text/messages';
import { kindTitle } from './format';

const SCHEDULES: { days: Settings['passwordRotationDays']; label: MessageId }[] = [
  { days: 90, label: 'options_schedule_90' },
  { days: 180, label: 'options_schedule_180' },
  { days: 365, label: 'options_schedule_365' },
  { days: 0, label: 'options_schedule_off' },
];

// Labels are words of the page: functions, so they are read when the page renders, in its language.
const KINDS: { key: keyof Settings['reminders']; label: () => string; hint: (settings: Settings) => string }[] = [
  { key: 'recoveryCodes', label: () => kindTitle('recovery-codes'), hint: () => t('options_kind_recovery_codes_hint') },
  { key: 'checkUp', label: () => kindTitle('check-up'), hint: (settings) => t('options_kind_check_up_hint', { days: settings.staleAfterDays }) },
  { key: 'recoveryFollowUp', label: () => kindTitle('recovery-follow-up'), hint: () => t('options_kind_follow_up_hint') },
  {
    key: 'emailDomain',
    label: () => kindTitle('email-domain'),
    hint: (settings) => t(settings.emailDomainCheck ? 'options_kind_email_domain_hint' : 'options_kind_email_domain_hint_needs_check'),
  },
];

const PAUSES: { label: MessageId; ms: number }[] = [
  { label: 'options_pause_day', ms: DAY_MS },
  { label: 'options_pause_week', ms: 7 * DAY_MS },
  { label: 'options_pause_four_weeks', ms: 28 * DAY_MS },
];

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function ReminderSettings({ data, deps, saveSettings }: SectionProps) {
  const { settings } = data;
  const now = deps.now();
  const isPaused = settings.pausedUntil !== null && settings.pausedUntil > now;
  const [pauseMs, setPauseMs] = useState(PAUSES[1]!.ms);
  // Firefox: the breach check also needs the browser's data consent (always true elsewhere).
  // Until Firefox has answered, the box shows the setting alone (it is not known to be missing).
  const [breachConsent, setBreachConsent] = useState<boolean | undefined>(undefined);
  useEffect(() => void hasDataConsent('breachCheck').then(setBreachConsent), []);

  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('options_reminders_title')}</h2>

      <fieldset>
        <legend>{t('options_password_legend')}</legend>
        <p class="hint" id="schedule-note">
          {t('options_password_note')}
        </p>
        {SCHEDULES.map(({ days, label }) => (
          <label class="choice" key={days}>
            <input
              type="radio"
              name="password-schedule"
              value={days}
              checked={settings.passwordRotationDays === days}
              aria-describedby="schedule-note"
              onChange={() => void saveSettings({ passwordRotationDays: days })}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('options_other_reminders')}</legend>
        {KINDS.map(({ key, label, hint }) => (
          <label class="choice" key={key}>
            <input
              type="checkbox"
              checked={settings.reminders[key]}
              aria-describedby={`kind-${key}-hint`}
              onChange={(event) => void saveSettings({ reminders: { ...settings.reminders, [key]: event.currentTarget.checked } })}
            />
            {label()}
            <span class="hint" id={`kind-${key}-hint`}>
              {hint(settings)}
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('options_quiet_hours')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.quietHours !== null}
            onChange={(event) => void saveSettings({ quietHours: event.currentTarget.checked ? { startHour: 22, endHour: 7 } : null })}
          />
          {t('options_quiet_hours_switch')}
        </label>
        {settings.quietHours && (
          <div class="row">
            <label>
              {t('options_quiet_from')}{' '}
              <select
                value={settings.quietHours.startHour}
                onChange={(event) => void saveSettings({ quietHours: { ...settings.quietHours!, startHour: Number(event.currentTarget.value) } })}
              >
                {HOURS.map((hour) => (
                  <option key={hour} value={hour}>
                    {hourLabel(hour)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('options_quiet_until')}{' '}
              <select
                value={settings.quietHours.endHour}
                onChange={(event) => void saveSettings({ quietHours: { ...settings.quietHours!, endHour: Number(event.currentTarget.value) } })}
              >
                {HOURS.map((hour) => (
                  <option key={hour} value={hour}>
                    {hourLabel(hour)}
                  </option>
                ))}
              </select>
            </label>
            <span class="hint">{t('options_local_time')}</span>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('options_pause_legend')}</legend>
        {isPaused ? (
          <div class="row">
            <span>{t('options_paused_until', { when: formatDateTime(settings.pausedUntil!) })}</span>
            <button type="button" onClick={() => void saveSettings({ pausedUntil: null }, t('options_resumed'))}>
              {t('options_resume')}
            </button>
          </div>
        ) : (
          <div class="row">
            <label>
              {t('options_pause_for')}{' '}
              <select value={pauseMs} onChange={(event) => setPauseMs(Number(event.currentTarget.value))}>
                {PAUSES.map(({ label, ms }) => (
                  <option key={ms} value={ms}>
                    {t(label)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void saveSettings({ pausedUntil: now + pauseMs }, t('options_paused'))}>
              {t('options_pause')}
            </button>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('options_checks')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            data-setting="breach-check"
            data-consent={breachConsent === undefined ? 'pending' : breachConsent ? 'granted' : 'missing'}
            checked={settings.breachCheck && breachConsent !== false}
            onChange={(event) => {
              const wanted = event.currentTarget.checked;
              // Firefox asks for its data consent first (in the click); elsewhere this resolves at once.
              const consent = wanted ? requestDataConsent('breachCheck') : Promise.resolve(breachConsent !== false);
              void consent.then((granted) => {
                setBreachConsent(granted);
                return saveSettings({ breachCheck: wanted && granted });
              });
            }}
          />
          {t('options_breach_switch')}
          <span class="hint">{t('options_breach_hint')}</span>
        </label>
        <DaysField
          id="drill-interval"
          label={t('options_drill_every')}
          value={settings.drillIntervalDays}
          onSave={(days) => saveSettings({ drillIntervalDays: days })}
        />
        <DaysField
          id="stale-after"
          label={t('options_stale_after')}
          value={settings.staleAfterDays}
          onSave={(days) => saveSettings({ staleAfterDays: days })}
        />
      </fieldset>
    </section>
  );
}

const MIN_DAYS = 7;
const MAX_DAYS = 365;

/** A number of days, saved when valid; an invalid entry says what would be accepted. */
function DaysField({ id, label, value, onSave }: { id: string; label: string; value: number; onSave(days: number): Promise<void> }) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  // The stored value can change under the field (an import, a wipe): show the new one. Only on a
  // change — effects run late, and the first run must not wipe what the user has started typing.
  const shownValue = useRef(value);
  useEffect(() => {
    if (shownValue.current === value) return;
    shownValue.current = value;
    setDraft(String(value));
    setError(null);
  }, [value]);
  const commit = () => {
    const days = Number(draft);
    if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
      setError(t('options_days_error', { min: MIN_DAYS, max: MAX_DAYS }));
      return;
    }
    setError(null);
    if (days !== value) void onSave(days);
  };
  return (
    <div class="row">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={MIN_DAYS}
        max={MAX_DAYS}
        value={draft}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      <span>{t('options_days')}</span>
      {error && (
        <span role="alert" id={`${id}-error`} class="error">
          {error}
        </span>
      )}
    </div>
  );
}
