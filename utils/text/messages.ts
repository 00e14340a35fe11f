/**
 * PyPI Guard's shared wording, in English, keyed by id: the names of things that several surfaces
 * show (the glossary's terms in use — see ./glossary.ts) and the templates that put data into a
 * sentence. Every message is a whole phrase with named `{placeholders}`, never pieces to be glued
 * together, and counted phrases give each plural form whole — so a translation (browser.i18n's
 * messages.json, one file per locale) can reorder, inflect and pluralise freely. `t()` is the one
 * reader: a later locale only changes where it reads from.
 */

/** A phrase whose wording depends on a count: the CLDR plural categories English uses. */
export interface PluralMessage {
  one: string;
  other: string;
}

export const MESSAGES = {
  // ── Where and how a security-history event happened (./format.ts) ──────────────────────────────
  /** "Dec 3, 2026, 3:15 AM · Lagos, Nigeria · Chrome on Windows": when, then where and on what. */
  'event.when-where': '{when} · {where}',
  /** "Lagos, Nigeria · Chrome on Windows". */
  'event.place-and-device': '{place} · {device}',
  /** A city and its country's name ("Lisbon, Portugal"). */
  'place.city-country': '{city}, {country}',
  /** PyPI's "Chrome (Windows)" and "Chrome (Windows on Other)". */
  'device.app-on-platform': '{app} on {platform}',
  /** PyPI's "Safari (Mac OS X on Mac)", "twine (CPython on Linux)": the device or system, then the rest. */
  'device.app-on-device-detail': '{app} on {device} ({detail})',

  // ── Why a security-history event is worth a look (utils/events/suspicious.ts's reasons) ───────
  'event-reason.login-failure': 'Failed login',
  'event-reason.reauthentication-failure': 'Failed password confirmation',
  'event-reason.two-factor-removed': '2FA method removed',
  'event-reason.recovery-code-used': 'Recovery code used',
  'event-reason.password-reset': 'Password reset',
  'event-reason.password-disabled': 'Password disabled by PyPI',
  'event-reason.new-device': 'Login from a new device',
  'event-reason.unfamiliar-location': 'Login from an unfamiliar place',
  'event-reason.token-leaked': 'API token removed after a leak',

  // ── The same reasons, counted ("2 failed logins, 1 recovery code used") ────────────────────────
  'event-count.login-failure': { one: '{count} failed login', other: '{count} failed logins' },
  'event-count.reauthentication-failure': { one: '{count} failed password confirmation', other: '{count} failed password confirmations' },
  'event-count.two-factor-removed': { one: '{count} 2FA method removed', other: '{count} 2FA methods removed' },
  'event-count.recovery-code-used': { one: '{count} recovery code used', other: '{count} recovery codes used' },
  'event-count.password-reset': { one: '{count} password reset', other: '{count} password resets' },
  'event-count.password-disabled': { one: 'password disabled by PyPI', other: 'password disabled by PyPI {count} times' },
  'event-count.new-device': { one: '{count} login from a new device', other: '{count} logins from a new device' },
  'event-count.unfamiliar-location': { one: '{count} login from an unfamiliar place', other: '{count} logins from unfamiliar places' },
  'event-count.token-leaked': { one: '{count} API token removed after a leak', other: '{count} API tokens removed after a leak' },

  // ── The security history, one name everywhere ──────────────────────────────────────────────────
  'security-history.title': 'Security history',
  'security-history.check': 'Check your security history',
  'security-history.new-events': { one: '{count} new event in your security history', other: '{count} new events in your security history' },
  'security-history.show-all': { one: 'Show the {count} event first', other: 'Show all {count} events first' },

  // ── A password field's one card: its headline, then strength and breach lines (components/prompts/PasswordVerdict.tsx) ──
  'password.headline-empty': 'About this new password',
  'password.headline-scoring': 'About this password',
  'password.headline-breached': 'This password has leaked',
  'password.headline-weak': 'PyPI will refuse this password: it is too easy to guess',
  'password.headline-fair': 'PyPI will accept this password, but it could be stronger',
  'password.headline-strong': 'A strong password: PyPI will accept it',
  'password.empty': 'Type a password to see why it is strong or weak. It is checked on this computer and never sent.',
  'password.scoring': 'Working out how easy it is to guess, on this computer…',
  'password.crack-time': 'Time to guess it if PyPI’s password database leaked: {time}.',
  'password.length-advice-no-2fa': 'This account has no two-factor authentication yet, so the password is its only lock: use at least {minimum} characters (this one has {length}; NIST SP 800-63B).',
  'password.length-advice-maybe-no-2fa': 'Unless this account has two-factor authentication, the password is its only lock: use at least {minimum} characters (this one has {length}; NIST SP 800-63B).',
  'password.about-new': 'Adds the reasons to PyPI’s own strength gauge; PyPI asks for a score of at least {minimum} of 4. Checked on this computer, never sent.',
  'password.about-login': 'Checked on this computer, never sent.',
  'breach.checking': 'Checking Have I Been Pwned… only the first 5 characters of the password’s SHA-1 hash are sent.',
  'breach.not-found': 'Not in Have I Been Pwned’s list of breached passwords.',
  'breach.found': {
    one: 'Have I Been Pwned has seen this password {times} time in data breaches. Attackers try these first.',
    other: 'Have I Been Pwned has seen this password {times} times in data breaches. Attackers try these first.',
  },
  /** PyPI's server refuses a breached new password on every new-password form (register, change, reset). */
  'breach.consequence-new': 'PyPI will refuse it when you submit. Choose a different password you have never used anywhere.',
  'breach.consequence-login': 'If it is your PyPI password, PyPI will refuse the login and disable it, and you will need to reset it. Choose a new password you have never used anywhere.',
  'breach.held-back': 'PyPI Guard held the form back so you can change it. Submitting again sends it as it is.',
  'breach.offline': 'Could not check this password against known breaches: this computer seems to be offline. Nothing was sent; try again when online.',
  'breach.unavailable': 'Could not check this password against known breaches: Have I Been Pwned did not answer. Try again in a moment.',
  'breach.off': 'Not checked against known breaches: that check is off in PyPI Guard’s options.',
  'breach.check-again': 'Check again',
  'breach.reset-password': 'Reset your password',
} as const satisfies Record<string, string | PluralMessage>;

export type MessageId = keyof typeof MESSAGES;
export type MessageValues = Record<string, string | number>;

/** "a, b and c": a list joined as the language joins one. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(items);
}

const englishPlurals = new Intl.PluralRules('en');

/**
 * The message `id` with its `{placeholders}` filled from `values`. A counted message picks its
 * form by `values.count`. A placeholder without a value stays visible (`{name}`), so a missing
 * value shows up in tests instead of an empty gap.
 */
export function t(id: MessageId, values: MessageValues = {}): string {
  const message: string | PluralMessage = MESSAGES[id];
  const template = typeof message === 'string' ? message : message[englishPlurals.select(Number(values.count)) === 'one' ? 'one' : 'other'];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}
