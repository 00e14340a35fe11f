import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CODE_OF_CONDUCT_URL,
  FORM_FIELD_IDS,
  SUPPORT_FORM_URL,
  buildRequest,
  isBlocked,
  maskEmail,
  type CheckboxField,
  type RequestInput,
  type SupportRequest,
  type TextField,
} from '@/utils/recovery/request';
import type { RecoveryAccountFacts } from '@/utils/recovery/facts';
import type { Answers } from '@/utils/recovery/decision';
import { freeText, unlabelledSecret } from './secret-shapes';

const LOST_2FA: Answers = { password: 'works', email: 'yes', twoFactor: 'lost', otherFactor: 'none', recoveryCodes: 'no' };
const seenAt = Date.UTC(2026, 4, 1);
const FACTS: RecoveryAccountFacts = {
  host: 'pypi.org',
  username: 'ada-lovelace',
  emails: {
    value: [
      { address: 'ada@example.org', primary: true, verified: true, status: 'verified' },
      { address: 'old@example.net', primary: false, verified: false, status: 'unverified' },
    ],
    seenAt,
  },
  projects: { value: ['analytical-engine', 'notes'], seenAt },
  dateJoined: { value: Date.UTC(2019, 2, 4, 10), seenAt },
  twoFactor: { value: { totp: true, securityKeys: [] }, seenAt },
  unusedRecoveryCodes: { value: 0, seenAt },
  lastSignInAt: Date.UTC(2026, 3, 28, 9),
  projectSources: { value: [{ project: 'analytical-engine', repositoryUrl: 'https://github.com/ada/analytical-engine' }, { project: 'notes', repositoryUrl: null }], seenAt },
};

function field<T extends TextField | CheckboxField>(request: SupportRequest, id: T['id']): T {
  const found = request.fields.find((f) => f.id === id);
  if (!found) throw new Error(`no field ${id}`);
  return found as T;
}

describe('the form', () => {
  const request = buildRequest({ host: 'pypi.org', username: 'ada-lovelace', answers: LOST_2FA, facts: FACTS });

  it('opens exactly the URL PyPI’s help page links to', () => {
    expect(request.formUrl).toBe(
      'https://github.com/pypi/support/issues/new?assignees=&labels=account-recovery&template=account-recovery.yml&title=Account+recovery+request',
    );
    const url = new URL(request.formUrl);
    expect(url.host).toBe('github.com');
    expect(url.pathname).toBe('/pypi/support/issues/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      assignees: '',
      labels: 'account-recovery',
      template: 'account-recovery.yml',
      title: 'Account recovery request',
    });
    expect(request.formUrl).toBe(SUPPORT_FORM_URL);
  });

  it('lists every field of the form in the form’s order, with its exact label and option', () => {
    expect(request.fields.map((f) => f.id)).toEqual([...FORM_FIELD_IDS]);
    expect(request.fields.map((f) => f.kind)).toEqual(['markdown', 'input', 'textarea', 'checkboxes', 'checkboxes', 'checkboxes']);
    expect(request.fields.map((f) => ('label' in f ? f.label : f.text))).toEqual([
      '**Request for account recovery.**',
      'PyPI Username',
      'Reason for request',
      'Recovery Codes',
      'Code of Conduct',
      'Acknowledgement',
    ]);
    expect(field<CheckboxField>(request, 'recovery-codes').option).toBe('I never generated or have lost access to the recovery codes for my account');
    expect(field<CheckboxField>(request, 'code-of-conduct').option).toBe('I agree to follow the PSF Code of Conduct');
    expect(field<CheckboxField>(request, 'code-of-conduct').link?.url).toBe('https://policies.python.org/python.org/code-of-conduct/');
    expect(field<CheckboxField>(request, 'acknowledgement').option).toBe(
      'I understand that it may take a significant amount of time to process my account recovery request.',
    );
    expect(field<CheckboxField>(request, 'acknowledgement').description).toMatch(/a week or more/);
    expect(request.fields.every((f) => f.kind === 'markdown' || f.required)).toBe(true);
  });

  it('wraps the username in single backticks', () => {
    expect(field<TextField>(request, 'username').value).toBe('`ada-lovelace`');
    const typedWithTicks = buildRequest({ host: 'pypi.org', username: ' `ada-lovelace` ', answers: LOST_2FA });
    expect(field<TextField>(typedWithTicks, 'username').value).toBe('`ada-lovelace`');
  });

  it('writes the reason from the answers and the stored facts', () => {
    const reason = field<TextField>(request, 'reason').value;
    expect(reason.startsWith('Lost 2FA authentication app or security token.')).toBe(true);
    expect(reason).toContain('I lost my two-factor method (the account has an authentication application (TOTP))');
    expect(reason).toContain('I do not have an unused recovery code.');
    expect(reason).toContain('I still know my password.');
    expect(reason).toContain('Account created: 2019-03-04');
    expect(reason).toContain('Projects I maintain: analytical-engine, notes');
    expect(reason).toContain('analytical-engine: https://github.com/ada/analytical-engine');
    expect(reason).toContain('My last login that I know of: 2026-04-28');
    expect(reason).toContain('- Profile: https://pypi.org/user/ada-lovelace/');
    expect(reason).toContain('Facts about the account (recorded by my browser extension, PyPI Guard, while I could log in):');
    // The issue is public: addresses are masked unless the user chooses otherwise.
    expect(reason).toContain('a…a@example.org (primary, verified)');
    expect(reason).not.toContain('ada@example.org');
    expect(request.problems).toEqual([]);
  });

  it('shows full addresses or none, as the user chooses', () => {
    const full = field<TextField>(buildRequest({ host: 'pypi.org', username: 'ada', answers: LOST_2FA, facts: FACTS, emailDisclosure: 'full' }), 'reason').value;
    expect(full).toContain('ada@example.org (primary, verified); old@example.net (unverified)');
    const none = field<TextField>(buildRequest({ host: 'pypi.org', username: 'ada', answers: LOST_2FA, facts: FACTS, emailDisclosure: 'none' }), 'reason').value;
    expect(none).not.toMatch(/example\.(org|net)/);
  });

  it('names the lost mailbox and the impossible reset for the no-email route', () => {
    const reason = field<TextField>(buildRequest({ host: 'test.pypi.org', username: 'ada', answers: { password: 'disabled', email: 'no' } }), 'reason').value;
    expect(reason).toContain('Lost access to email address; Cannot reset my password without that mailbox.');
    expect(reason).toContain('PyPI disabled my password because it appeared in a data breach');
    expect(reason).toContain('This is a TestPyPI account (test.pypi.org).');
  });

  it('gives a plain Markdown copy with every field in order and boxes left for the user to tick', () => {
    const md = request.markdown;
    const positions = ['**Request for account recovery.**', '### PyPI Username', '`ada-lovelace`', '### Reason for request', '### Recovery Codes', '### Code of Conduct', '### Acknowledgement'].map((text) =>
      md.indexOf(text),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain(`- [ ] I agree to follow the PSF Code of Conduct (${CODE_OF_CONDUCT_URL})`);
    expect(md).not.toContain('- [x]');
    expect(md).toContain(field<TextField>(request, 'reason').value);
  });
});

describe('with nothing stored (every field typed by hand)', () => {
  it('builds the request from the typed username and answers alone', () => {
    const request = buildRequest({ host: 'pypi.org', username: 'newcomer', answers: LOST_2FA, reasonText: 'Phone was stolen on 2 May.' });
    expect(field<TextField>(request, 'username').value).toBe('`newcomer`');
    const reason = field<TextField>(request, 'reason').value;
    expect(reason).toContain('Phone was stolen on 2 May.');
    expect(reason).toContain('I lost my two-factor device.');
    expect(reason).toContain('- Profile: https://pypi.org/user/newcomer/');
    // Nothing was recorded, so the request does not claim PyPI Guard saw anything.
    expect(reason).not.toContain('recorded by my browser extension');
    expect(isBlocked(request)).toBe(false);
  });

  it('refuses an empty or invalid username with a message to act on', () => {
    const empty = buildRequest({ host: 'pypi.org', username: '  ', answers: LOST_2FA });
    expect(field<TextField>(empty, 'username').value).toBe('');
    expect(empty.problems).toContainEqual({ field: 'username', message: 'Type your PyPI username.', blocking: true });
    const spaced = buildRequest({ host: 'pypi.org', username: 'ada lovelace', answers: LOST_2FA });
    expect(spaced.problems[0]?.message).toMatch(/up to 50 letters, digits/);
    expect(isBlocked(spaced)).toBe(true);
  });

  it('asks for a reason when there is neither an answer nor text', () => {
    const request = buildRequest({ host: 'pypi.org', username: '', answers: {} });
    expect(request.problems.map((p) => p.field)).toEqual(['username', 'reason']);
  });
});

describe('text stays as typed', () => {
  it('keeps non-ASCII text intact in the fields and the Markdown', () => {
    const words = 'Ich habe mein Gerät verloren — 二要素認証のデバイスを紛失しました. Ёлка 🙈 שלום';
    const details = 'Créé en 2019 à Zürich; naïve façade';
    const request = buildRequest({ host: 'pypi.org', username: 'jürgen'.replace('ü', 'u'), answers: LOST_2FA, reasonText: words, extraDetails: details });
    const reason = field<TextField>(request, 'reason').value;
    expect(reason).toContain(words);
    expect(reason).toContain(`Additional details:\n${details}`);
    expect(request.markdown).toContain(words);
    expect(request.problems).toEqual([]);
  });

  it('masks addresses without breaking non-ASCII local parts', () => {
    expect(maskEmail('jürgen@example.de')).toBe('j…n@example.de');
    expect(maskEmail('李@example.cn')).toBe('李…@example.cn');
  });
});

// ── No secret reaches any output ─────────────────────────────────────────────────────────────────

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

const hex16 = fc.stringMatching(/^[0-9a-f]{16}$/);
const base32Key = fc.stringMatching(/^[A-Z2-7]{32}$/);
// Unlabelled: a recovery code, TOTP key or pypi- token as PyPI shows it or as retyped (secret-shapes.ts).
const secretShaped = unlabelledSecret;
const password = fc.stringMatching(/^[!-~]{8,32}$/).filter((p) => !p.startsWith('[removed'));
const around = fc.string({ unit: 'grapheme', maxLength: 40 });

describe('secrets never reach the output (property)', () => {
  it('strips unlabelled recovery codes, TOTP keys and pypi- tokens from every typed field and stored project name', () => {
    fc.assert(
      fc.property(secretShaped, fc.oneof(around, freeText), fc.oneof(around, freeText), fc.constantFrom('', ' ', '\n'), fc.constantFrom('reasonText', 'extraDetails', 'project'), (secret, before, after, gap, where) => {
        fc.pre(!before.includes(secret) && !after.includes(secret));
        const text = `${before}${gap}${secret}${gap}${after}`;
        const input: RequestInput = {
          host: 'pypi.org',
          username: 'ada',
          answers: LOST_2FA,
          facts: { ...FACTS, projects: { value: where === 'project' ? [text] : ['notes'], seenAt } },
          ...(where === 'reasonText' ? { reasonText: text } : {}),
          ...(where === 'extraDetails' ? { extraDetails: text } : {}),
        };
        const output = allStrings(buildRequest(input));
        expect(output.some((s) => s.includes(secret))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never outputs the account password, labelled in text or riding on the input object', () => {
    fc.assert(
      fc.property(password, around, around, (secret, before, after) => {
        fc.pre(!before.includes(secret) && !after.includes(secret) && !'ada'.includes(secret));
        const input = {
          host: 'pypi.org',
          username: 'ada',
          answers: LOST_2FA,
          reasonText: `${before} my password: ${secret} ${after}`,
          extraDetails: `Passwort = ${secret}`,
          // A careless caller passing form state that holds the password: the builder never reads it.
          password: secret,
        } as RequestInput & { password: string };
        const output = allStrings(buildRequest(input));
        expect(output.some((s) => s.includes(secret))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a secret typed into the username field and does not echo it', () => {
    fc.assert(
      fc.property(fc.oneof(hex16, base32Key), (secret) => {
        const request = buildRequest({ host: 'pypi.org', username: secret, answers: LOST_2FA });
        expect(isBlocked(request)).toBe(true);
        expect(allStrings(request).some((s) => s.includes(secret))).toBe(false);
      }),
    );
  });

  it('tells the user what was removed from their text', () => {
    const request = buildRequest({ host: 'pypi.org', username: 'ada', answers: LOST_2FA, reasonText: 'my codes were 0123456789abcdef and fedcba9876543210' });
    expect(field<TextField>(request, 'reason').value).toContain('my codes were [removed: a recovery code] and [removed: a recovery code]');
    expect(request.problems).toHaveLength(1);
    expect(request.problems[0]).toMatchObject({ field: 'reason', blocking: false });
    expect(request.problems[0]!.message).toMatch(/looks like a recovery code/);
  });
});
