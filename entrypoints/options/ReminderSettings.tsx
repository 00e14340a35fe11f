import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { hasDataConsent, requestDataConsent } from '@/utils/data-consent';
import { DAY_MS } from '@/utils/reminders';
import type { SectionProps } from './App';
import { formatDateTime } from '@/utils/text/format';

const SCHEDULES: { days: Settings['passwordRotationDays']; label: string }[] = [
  { days: 90, label: 'Every 90 days' },
  { days: 180, label: 'Every 180 days (default)' },
  { days: 365, label: 'Every 365 days' },
  { days: 0, label: 'Off: only on evidence' },
];

const KINDS: { key: keyof Settings['reminders']; label: string; hint: (settings: Settings) => string }[] = [
  { key: 'recoveryCodes', label: 'Recovery codes', hint: () => 'None left while 2FA is on, 3 or fewer left, or a drill is due.' },
  { key: 'checkUp', label: 'Security check-up', hint: (settings) => `Your PyPI account page has not been seen for ${settings.staleAfterDays} days.` },
  { key: 'recoveryFollowUp', label: 'Recovery request follow-up', hint: () => 'A submitted request has had no answer for 14 days (and every 14 days after).' },
  {
    key: 'emailDomain',
    label: 'Email domain expiry',
    hint: (settings) =>
      `An email domain 45, 14 and 3 days before it expires${settings.emailDomainCheck ? '' : ' (needs “Check when your email domains expire” below)'}.`,
  },
];

const PAUSES = [
  { label: '1 day', ms: DAY_MS },
  { label: '1 week', ms: 7 * DAY_MS },
  { label: '4 weeks', ms: 28 * DAY_MS },
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
      <h2 id="reminders-heading">Reminders</h2>

      <fieldset>
        <legend>Remind me to change my PyPI password</legend>
        <p class="hint" id="schedule-note">
          PyPI Guard follows its account-security guide: change your password every few months, and at once when there is evidence
          that someone else may know it — a breach hit, a weak strength score, a burst of failed logins or an unrecognised login.
          The evidence reminders come whatever you choose here; only a pause or quiet hours delay them. If a password manager makes
          a new random password for every site, you may prefer “Off” and change it on evidence only.
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
            {label}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Other reminders</legend>
        {KINDS.map(({ key, label, hint }) => (
          <label class="choice" key={key}>
            <input
              type="checkbox"
              checked={settings.reminders[key]}
              aria-describedby={`kind-${key}-hint`}
              onChange={(event) => void saveSettings({ reminders: { ...settings.reminders, [key]: event.currentTarget.checked } })}
            />
            {label}
            <span class="hint" id={`kind-${key}-hint`}>
              {hint(settings)}
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Quiet hours</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.quietHours !== null}
            onChange={(event) => void saveSettings({ quietHours: event.currentTarget.checked ? { startHour: 22, endHour: 7 } : null })}
          />
          No notifications during quiet hours (they wait until the hours end)
        </label>
        {settings.quietHours && (
          <div class="row">
            <label>
              From{' '}
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
              until{' '}
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
            <span class="hint">Your local time.</span>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>Pause</legend>
        {isPaused ? (
          <div class="row">
            <span>All reminders are paused until {formatDateTime(settings.pausedUntil!)}.</span>
            <button type="button" onClick={() => void saveSettings({ pausedUntil: null }, 'Reminders resumed.')}>
              Resume reminders
            </button>
          </div>
        ) : (
          <div class="row">
            <label>
              Pause all reminders for{' '}
              <select value={pauseMs} onChange={(event) => setPauseMs(Number(event.currentTarget.value))}>
                {PAUSES.map(({ label, ms }) => (
                  <option key={ms} value={ms}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void saveSettings({ pausedUntil: now + pauseMs }, 'Reminders paused.')}>
              Pause
            </button>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>Checks</legend>
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
          Check passwords typed on PyPI against Have I Been Pwned
          <span class="hint">Only the first 5 characters of the password’s SHA-1 hash leave the browser; the password never does.</span>
        </label>
        <DaysField
          id="drill-interval"
          label="Recovery-code drill every"
          value={settings.drillIntervalDays}
          onSave={(days) => saveSettings({ drillIntervalDays: days })}
        />
        <DaysField
          id="stale-after"
          label="Security check-up when the account page is older than"
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
      setError(`Enter a whole number of days from ${MIN_DAYS} to ${MAX_DAYS}.`);
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
      <span>days</span>
      {error && (
        <span role="alert" id={`${id}-error`} class="error">
          {error}
        </span>
      )}
    </div>
  );
}
