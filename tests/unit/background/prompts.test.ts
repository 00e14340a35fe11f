import { EVENTS_TO_REVIEW_LIMIT } from '@/utils/prompts/account-audit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlePromptMessage, type PromptDeps } from '@/utils/background/prompts';
import { notePasswordOutcome, resetPendingSubmits } from '@/utils/background/passwords';
import { rememberLoginAttempt } from '@/utils/background/snapshots';
import { parseMessage, type ContentMessage, type RecoveryCodesShownMessage } from '@/utils/messages';
import { deleteStore, getAccount, openStore, recordSnapshot, saveSettings } from '@/utils/store';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { AccountSnapshot } from '@/utils/pypi/snapshot';
import { account, DAY, T0 } from '../reminders/builders';

const TAB = { kind: 'content-script', host: 'pypi.org', tabId: 7 } as const;
const OTHER_TAB = { ...TAB, tabId: 8 } as const;

let dbName: string;
let db: PypiGuardDb;
let now: number;
let counter = 0;
let fetched: { url: string; init?: RequestInit }[];
let answer: () => Promise<Response>;
let online: boolean;
let opened: { url: string; opener?: number }[];
let deps: PromptDeps;
/** Which account each tab's page last showed (its last snapshot), as the background keeps it. */
let boundTabs: Map<number | undefined, string>;
/** Firefox's data consent for the breach check (Chrome has none: true). */
let consented: boolean;

beforeEach(async () => {
  fakeBrowser.reset();
  resetPendingSubmits();
  dbName = `pypi-guard-prompts-${counter++}`;
  db = await openStore(dbName);
  now = T0;
  fetched = [];
  online = true;
  opened = [];
  answer = async () => new Response('1E4C9B93F3F0682250B6CF8331B7EE68FD8:12\r\n0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n');
  deps = {
    openDb: () => openStore(dbName),
    now: () => now,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push({ url: String(input), init });
      return answer();
    }) as typeof fetch,
    isOnline: () => online,
    openTab: async (url, opener) => void opened.push({ url, opener }),
    sleep: async () => undefined,
    breachCheckConsented: async () => consented,
    tabAccount: async (from) => boundTabs.get(from.tabId) ?? null,
  };
  boundTabs = new Map([[TAB.tabId, 'pypi.org/alice']]);
  consented = true;
  await db.put('accounts', account());
});
afterEach(async () => {
  db.close();
  await deleteStore(dbName);
});

const send = <M extends ContentMessage>(message: M, from: typeof TAB | typeof OTHER_TAB = TAB) => handlePromptMessage(message, from, deps);
const observed = async () => (await getAccount(db, 'pypi.org/alice'))?.observed ?? {};
const snapshot = (overrides: Partial<AccountSnapshot>): AccountSnapshot => ({ host: 'pypi.org', pageKind: 'projects', seenAt: now, username: 'alice', ...overrides });
const settle = (snap: AccountSnapshot, from: typeof TAB | typeof OTHER_TAB = TAB) => getAccount(db, 'pypi.org/alice').then((record) => notePasswordOutcome(snap, from, record ?? null, deps, now));

describe('message schemas', () => {
  it('accept the prompt messages and nothing looser', () => {
    expect(parseMessage({ type: 'hibp-range', prefix: '5BAA6' })).not.toBeNull();
    for (const prefix of ['5baa6', '5BAA61', '5BAA', '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8']) expect(parseMessage({ type: 'hibp-range', prefix })).toBeNull();
    // No room for a password or a hash next to the prefix.
    expect(parseMessage({ type: 'hibp-range', prefix: '5BAA6', suffix: '1E4C9' })).toBeNull();
    expect(parseMessage({ type: 'password-submitted', form: 'login', username: 'alice', score: 3 })).not.toBeNull();
    expect(parseMessage({ type: 'password-submitted', form: 'login', username: 'alice', score: 3, password: 'x' })).toBeNull();
    expect(parseMessage({ type: 'password-submitted', form: 'login', score: 5 })).toBeNull();
    expect(parseMessage({ type: 'prompt-dismiss', promptId: 'no-such-prompt', action: 'dismiss' })).toBeNull();
    expect(parseMessage({ type: 'prompt-dismiss', promptId: 'enable-2fa', action: 'dismiss', username: 'alice' })).not.toBeNull();
    const hashes = Array.from({ length: 8 }, () => 'A'.repeat(43) + '=');
    expect(parseMessage({ type: 'recovery-codes-shown', username: 'alice', salt: 'A'.repeat(22) + '==', iterations: 600_000, hashes })).not.toBeNull();
    // A recovery code in place of a hash does not fit.
    expect(parseMessage({ type: 'recovery-codes-shown', username: 'alice', salt: 'A'.repeat(22) + '==', iterations: 600_000, hashes: ['0f1e2d3c4b5a6978'] })).toBeNull();
    expect(parseMessage({ type: 'recovery-codes-shown', username: 'alice', salt: 'A'.repeat(22) + '==', iterations: 1000, hashes })).toBeNull();
  });
});

describe('prompt dismissals', () => {
  it('are remembered per account and prompt, and snoozes run out', async () => {
    expect(await send({ type: 'prompt-states', username: 'alice' })).toEqual({ silenced: [] });
    await send({ type: 'prompt-dismiss', username: 'Alice', promptId: 'enable-2fa', action: 'dismiss' });
    await send({ type: 'prompt-dismiss', username: 'alice', promptId: 'totp-check', action: 'snooze' });
    expect(await send({ type: 'prompt-states', username: 'alice' })).toEqual({ silenced: ['enable-2fa', 'totp-check'] });
    // Another account and the signed-out pages of the host are not affected.
    expect(await send({ type: 'prompt-states', username: 'bob' })).toEqual({ silenced: [] });
    expect(await send({ type: 'prompt-states' })).toEqual({ silenced: [] });
    expect((await db.getAll('prompts')).map((state) => state.id).sort()).toEqual(['pypi.org/alice|enable-2fa', 'pypi.org/alice|totp-check']);
    now += 8 * DAY;
    expect(await send({ type: 'prompt-states', username: 'alice' })).toEqual({ silenced: ['enable-2fa'] });
  });

  it('on the login steps belong to the login pending in the sender’s tab, and to the host only without one', async () => {
    const signingInTab = { ...TAB, tabId: 41 } as const;
    rememberLoginAttempt({ type: 'login-attempt', username: 'alice' }, signingInTab, now);
    await send({ type: 'prompt-dismiss', signingIn: true, promptId: 'lost-2fa-help', action: 'dismiss' }, signingInTab as unknown as typeof TAB);
    expect((await db.getAll('prompts')).map((state) => state.id)).toEqual(['pypi.org/alice|lost-2fa-help']);
    expect(await send({ type: 'prompt-states', signingIn: true }, signingInTab as unknown as typeof TAB)).toEqual({ silenced: ['lost-2fa-help'] });
    expect(await send({ type: 'prompt-states', username: 'alice' })).toEqual({ silenced: ['lost-2fa-help'] });
    // Another account signing in, and a tab with no login pending, are not silenced.
    expect(await send({ type: 'prompt-states', username: 'bob' })).toEqual({ silenced: [] });
    const freshTab = { ...TAB, tabId: 42 } as const;
    expect(await send({ type: 'prompt-states', signingIn: true }, freshTab as unknown as typeof TAB)).toEqual({ silenced: [] });
    await send({ type: 'prompt-dismiss', signingIn: true, promptId: 'lost-2fa-help', action: 'snooze' }, freshTab as unknown as typeof TAB);
    expect((await db.getAll('prompts')).map((state) => state.id).sort()).toEqual(['pypi.org/alice|lost-2fa-help', 'pypi.org|lost-2fa-help']);
  });

  it('use the sender’s host, not anything in the message', async () => {
    await send({ type: 'prompt-dismiss', promptId: 'lost-2fa-help', action: 'dismiss' }, { ...TAB, host: 'test.pypi.org' } as unknown as typeof TAB);
    expect(await send({ type: 'prompt-states' })).toEqual({ silenced: [] });
    expect((await db.getAll('prompts')).map((state) => state.id)).toEqual(['test.pypi.org|lost-2fa-help']);
  });
});

describe('messages that name an account speak only for the account the tab’s page showed', () => {
  const bob = () => account({ id: 'pypi.org/bob', username: 'bob' });
  const stored = async () => ({ prompts: await db.getAll('prompts'), alice: await observed(), bob: (await getAccount(db, 'pypi.org/bob'))?.observed ?? {} });
  const drill: RecoveryCodesShownMessage = { type: 'recovery-codes-shown', username: 'bob', salt: 'A'.repeat(22) + '==', iterations: 600_000, hashes: ['B'.repeat(43) + '='] };

  it('acknowledge-events, recovery-codes-shown, recovery-drill-forget, account-audit and prompt-dismiss for another account change and read nothing', async () => {
    await db.put('accounts', bob());
    const before = await stored();
    expect(await send({ type: 'acknowledge-events', username: 'bob', shownEventIds: [] })).toEqual({ acknowledged: false });
    expect(await send(drill)).toEqual({ stored: false, drillIntervalDays: 60 });
    expect(await send({ type: 'recovery-drill-forget', username: 'bob' })).toEqual({ forgotten: false });
    expect(await send({ type: 'account-audit', username: 'bob', pageSeenAfter: 0 })).toEqual({ state: 'pending' });
    expect(await send({ type: 'prompt-dismiss', username: 'bob', promptId: 'enable-2fa', action: 'dismiss' })).toEqual({ saved: false });
    expect(await stored()).toEqual(before);
  });

  it('"It was me" is accepted only when the card showed every suspicious row not yet reviewed', async () => {
    const row = (id: string, tag: 'account:recovery_codes:used' | 'account:two_factor:method_removed', minutes: number) => ({
      id: `pypi.org/alice|${id}`,
      accountId: 'pypi.org/alice' as const,
      tag,
      summary: id,
      time: now - minutes * 60_000,
      firstSeenAt: now - minutes * 60_000,
    });
    await db.put('events', row('code-used', 'account:recovery_codes:used', 5));
    await db.put('events', row('key-removed', 'account:two_factor:method_removed', 9));
    expect(await send({ type: 'acknowledge-events', username: 'alice', shownEventIds: ['pypi.org/alice|code-used'] })).toEqual({ acknowledged: false });
    expect((await observed()).eventsAcknowledgedAt).toBeUndefined();
    expect(await send({ type: 'acknowledge-events', username: 'alice', shownEventIds: ['pypi.org/alice|code-used', 'pypi.org/alice|key-removed'] })).toEqual({ acknowledged: true });
    expect((await observed()).eventsAcknowledgedAt).toBe(now);
  });

  it('"It was me" after a burst of more suspicious rows than the card carries: the newest 20 shown is enough, a gap among them is not', async () => {
    const failed = (n: number) => ({
      id: `pypi.org/alice|failed-${n}`,
      accountId: 'pypi.org/alice' as const,
      tag: 'account:login:failure' as const,
      summary: `failed ${n}`,
      time: now - n * 60_000,
      firstSeenAt: now - n * 60_000,
    });
    for (let n = 1; n <= 25; n++) await db.put('events', failed(n));
    const newest = (count: number) => Array.from({ length: count }, (_, i) => `pypi.org/alice|failed-${i + 1}`);
    // The newest 19 and the 21st: a row inside what the card listed was left out.
    expect(await send({ type: 'acknowledge-events', username: 'alice', shownEventIds: [...newest(19), 'pypi.org/alice|failed-21'] })).toEqual({ acknowledged: false });
    expect((await observed()).eventsAcknowledgedAt).toBeUndefined();
    expect(await send({ type: 'acknowledge-events', username: 'alice', shownEventIds: newest(EVENTS_TO_REVIEW_LIMIT) })).toEqual({ acknowledged: true });
    expect((await observed()).eventsAcknowledgedAt).toBe(now);
  });

  it('the same messages for the tab’s own account (any case) go through', async () => {
    expect(await send({ type: 'acknowledge-events', username: 'ALICE', shownEventIds: [] })).toEqual({ acknowledged: true });
    expect((await observed()).eventsAcknowledgedAt).toBe(now);
    expect(await send({ ...drill, username: 'alice' })).toEqual({ stored: true, drillIntervalDays: 60 });
    expect(await send({ type: 'account-audit', username: 'alice', pageSeenAfter: 0 })).toMatchObject({ state: 'ready' });
    expect(await send({ type: 'prompt-dismiss', username: 'alice', promptId: 'enable-2fa', action: 'dismiss' })).toEqual({ saved: true });
    expect(await send({ type: 'recovery-drill-forget', username: 'alice' })).toEqual({ forgotten: true });
  });

  it('a tab whose page named nobody yet speaks for nobody; another tab’s account is not this tab’s', async () => {
    expect(await send({ type: 'acknowledge-events', username: 'alice', shownEventIds: [] }, OTHER_TAB)).toEqual({ acknowledged: false });
    boundTabs.set(OTHER_TAB.tabId, 'pypi.org/bob');
    expect(await send({ type: 'acknowledge-events', username: 'alice', shownEventIds: [] }, OTHER_TAB)).toEqual({ acknowledged: false });
    // The same account on the other PyPI host is another account.
    expect(await send({ type: 'acknowledge-events', username: 'alice', shownEventIds: [] }, { ...TAB, host: 'test.pypi.org' } as unknown as typeof TAB)).toEqual({ acknowledged: false });
    expect((await observed()).eventsAcknowledgedAt).toBeUndefined();
  });

  it('the drill waits once for the tab’s own snapshot, which the page model may store a moment later', async () => {
    boundTabs.clear();
    deps.sleep = async () => void boundTabs.set(TAB.tabId, 'pypi.org/alice');
    expect(await send({ ...drill, username: 'alice' })).toEqual({ stored: true, drillIntervalDays: 60 });
  });

  it('on the register and login pages, which name no account, a typed name scopes dismissals — and nothing else', async () => {
    const onPage = (path: string) => ({ ...OTHER_TAB, path }) as unknown as typeof TAB;
    expect(await send({ type: 'prompt-dismiss', username: 'newcomer', promptId: 'enable-2fa', action: 'dismiss' }, onPage('/account/register/'))).toEqual({ saved: true });
    expect(await send({ type: 'prompt-dismiss', username: 'alice', promptId: 'password', action: 'dismiss' }, onPage('/account/login/'))).toEqual({ saved: true });
    // Elsewhere the page must have shown the account.
    expect(await send({ type: 'prompt-dismiss', username: 'carol', promptId: 'enable-2fa', action: 'dismiss' }, onPage('/manage/account/'))).toEqual({ saved: false });
    // And a typed name acts on no account.
    expect(await send({ type: 'acknowledge-events', username: 'alice', shownEventIds: [] }, onPage('/account/login/'))).toEqual({ acknowledged: false });
    expect((await db.getAll('prompts')).map((state) => state.id).sort()).toEqual(['pypi.org/alice|password', 'pypi.org/newcomer|enable-2fa']);
  });
});

describe('hibp-range', () => {
  it('asks Have I Been Pwned for the prefix with padding, and drops padding lines', async () => {
    expect(await send({ type: 'hibp-range', prefix: '5BAA6' })).toEqual({ ok: true, entries: [['1E4C9B93F3F0682250B6CF8331B7EE68FD8', 12]] });
    expect(fetched).toHaveLength(1);
    expect(fetched[0]!.url).toBe('https://api.pwnedpasswords.com/range/5BAA6');
    expect(fetched[0]!.init?.headers).toEqual({ 'Add-Padding': 'true' });
    expect(fetched[0]!.init?.credentials).toBe('omit');
  });

  it('does nothing when the user turned the check off', async () => {
    await saveSettings(db, { breachCheck: false });
    expect(await send({ type: 'hibp-range', prefix: '5BAA6' })).toEqual({ ok: false, reason: 'disabled' });
    expect(fetched).toEqual([]);
  });

  it('sends nothing in Firefox until the user granted its data consent for the check (declared optional)', async () => {
    consented = false;
    expect(await send({ type: 'hibp-range', prefix: '5BAA6' })).toEqual({ ok: false, reason: 'disabled' });
    expect(fetched).toEqual([]);
  });

  it('a lying or broken answer yields no verdict it does not support: only well-formed lines count', async () => {
    answer = async () => new Response('<html>pwned!</html>\r\nNOT-A-HASH:99\r\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:abc\r\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:-5\r\n');
    expect(await send({ type: 'hibp-range', prefix: '5BAA6' })).toEqual({ ok: true, entries: [] });
  });

  it('says offline without trying when the browser is offline, unavailable on errors', async () => {
    online = false;
    expect(await send({ type: 'hibp-range', prefix: '5BAA6' })).toEqual({ ok: false, reason: 'offline' });
    expect(fetched).toEqual([]);
    online = true;
    answer = async () => new Response('busy', { status: 503 });
    expect(await send({ type: 'hibp-range', prefix: '5BAA6' })).toEqual({ ok: false, reason: 'unavailable' });
    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await send({ type: 'hibp-range', prefix: '5BAA6' })).toEqual({ ok: false, reason: 'unavailable' });
  });
});

describe('password outcomes', () => {
  it('records a login’s score once a later page of the same user shows it worked', async () => {
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 2, breached: false });
    expect((await observed()).passwordScore).toBeUndefined();
    now += 2_000;
    await settle(snapshot({ pageKind: 'two-factor' }));
    expect((await observed()).passwordScore).toEqual({ value: 2, seenAt: now });
    expect((await observed()).passwordChangedAt).toBeUndefined();
  });

  it('ignores pages of another tab or another user', async () => {
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 2 });
    await settle(snapshot({ pageKind: 'projects' }), OTHER_TAB);
    expect((await observed()).passwordScore).toBeUndefined();
    await db.put('accounts', account({ id: 'pypi.org/bob', username: 'bob' }));
    const bob = await getAccount(db, 'pypi.org/bob');
    await notePasswordOutcome(snapshot({ username: 'bob' }), TAB, bob ?? null, deps, now);
    expect((await observed()).passwordScore).toBeUndefined();
  });

  it('forgets a submit after ten minutes', async () => {
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 2 });
    now += 11 * 60_000;
    await settle(snapshot({}));
    expect((await observed()).passwordScore).toBeUndefined();
  });

  it('records nothing at submit: a breached password may be a wrong one', async () => {
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1, breached: true });
    expect(await observed()).toEqual({});
  });

  it('a wrong password, breached or not, records nothing: the login page comes back without PyPI’s compromised-password error', async () => {
    await db.put('accounts', account({ observed: { passwordScore: { value: 4, seenAt: T0 - DAY } } }));
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1, breached: true });
    now += 2_000;
    expect(await send({ type: 'login-page-shown', succeeded: false })).toEqual({ resetConfirmed: false, breachRecorded: false });
    // The submit is settled: a later page of alice in this tab (another login) does not revive it.
    await settle(snapshot({ pageKind: 'two-factor' }));
    expect(await observed()).toEqual({ passwordScore: { value: 4, seenAt: T0 - DAY } });
  });

  it('a right but breached password: PyPI’s compromised-password error records the breach, not the score', async () => {
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1 });
    now += 2_000;
    expect(await send({ type: 'login-page-shown', succeeded: false, compromisedPassword: true })).toEqual({ resetConfirmed: false, breachRecorded: true });
    expect(await observed()).toEqual({ breachFoundAt: now });
  });

  it('a second refused login with the same breached password keeps the first finding (it is not new evidence)', async () => {
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1 });
    await send({ type: 'login-page-shown', succeeded: false, compromisedPassword: true });
    const firstFoundAt = now;
    now += DAY;
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1 });
    await send({ type: 'login-page-shown', succeeded: false, compromisedPassword: true });
    expect(await observed()).toEqual({ breachFoundAt: firstFoundAt });
  });

  it('a breach found after a password change is new, though an older finding was still stored', async () => {
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1 });
    await send({ type: 'login-page-shown', succeeded: false, compromisedPassword: true });
    // The password was reset elsewhere: only PyPI's security history says so.
    now += DAY;
    await db.put('events', { id: `pypi.org/alice|${now}|reset`, accountId: 'pypi.org/alice', tag: 'account:password:reset', summary: 'Password successfully reset', time: now, firstSeenAt: now + 1 });
    now += DAY;
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1 });
    expect(await send({ type: 'login-page-shown', succeeded: false, compromisedPassword: true })).toEqual({ resetConfirmed: false, breachRecorded: true });
    expect(await observed()).toEqual({ breachFoundAt: now });
  });

  it('the compromised-password error of another tab, or without a pending login, records nothing', async () => {
    await send({ type: 'login-page-shown', succeeded: false, compromisedPassword: true });
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1 });
    await send({ type: 'login-page-shown', succeeded: false, compromisedPassword: true }, OTHER_TAB);
    expect(await observed()).toEqual({});
  });

  it('a right password signs in: the next page records its score and its breach verdict', async () => {
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 1, breached: true });
    now += 2_000;
    await settle(snapshot({ pageKind: 'two-factor' }));
    expect(await observed()).toEqual({ passwordScore: { value: 1, seenAt: now }, breachFoundAt: now });

    // Later, signed in with a password HIBP does not list: the old finding goes.
    now += DAY;
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 3, breached: false });
    await settle(snapshot({ pageKind: 'two-factor' }));
    expect(await observed()).toEqual({ passwordScore: { value: 3, seenAt: now } });
  });

  it('records a change when the account page shows PyPI’s password-change event', async () => {
    await db.put('accounts', account({ observed: { breachFoundAt: T0 - DAY } }));
    await send({ type: 'password-submitted', form: 'change', username: 'alice', score: 4 });
    const changedAt = now + 1_000;
    now += 3_000;
    await settle(
      snapshot({
        pageKind: 'account-settings',
        securityEvents: [
          { tag: 'account:password:change', summary: 'Password successfully changed', time: changedAt },
          { tag: 'account:password:change', summary: 'Password successfully changed', time: T0 - 100 * DAY },
        ],
      }),
    );
    expect(await observed()).toEqual({ passwordChangedAt: changedAt, passwordScore: { value: 4, seenAt: now } });
  });

  it('records nothing when the account page shows no new change (PyPI refused it)', async () => {
    await send({ type: 'password-submitted', form: 'change', username: 'alice', score: 0 });
    await settle(snapshot({ pageKind: 'account-settings', securityEvents: [{ tag: 'account:password:change', summary: '', time: T0 - 100 * DAY }] }));
    expect(await observed()).toEqual({});
  });

  it('records a reset through the login that follows PyPI’s success message', async () => {
    await send({ type: 'password-submitted', form: 'reset', score: 3 });
    expect(await send({ type: 'login-page-shown', succeeded: true })).toEqual({ resetConfirmed: true, breachRecorded: false });
    // Asked again (a reload): the reset was already claimed.
    expect(await send({ type: 'login-page-shown', succeeded: true })).toEqual({ resetConfirmed: false, breachRecorded: false });
    now += 60_000;
    await send({ type: 'password-submitted', form: 'login', username: 'alice', score: 3, afterReset: true });
    await settle(snapshot({ pageKind: 'two-factor' }));
    expect(await observed()).toEqual({ passwordScore: { value: 3, seenAt: now }, passwordChangedAt: now });
  });

  it('does not confirm a reset PyPI did not report as done', async () => {
    await send({ type: 'password-submitted', form: 'reset', score: 3 });
    expect(await send({ type: 'login-page-shown', succeeded: false })).toEqual({ resetConfirmed: false, breachRecorded: false });
    expect(await send({ type: 'login-page-shown', succeeded: true })).toEqual({ resetConfirmed: false, breachRecorded: false });
  });
});

describe('recovery-code drill', () => {
  const drillMessage: RecoveryCodesShownMessage = { type: 'recovery-codes-shown', username: 'alice', salt: 'A'.repeat(22) + '==', iterations: 600_000, hashes: ['B'.repeat(43) + '='] };

  it('stores only the salt, iterations, hashes and time, replacing older hashes', async () => {
    await db.put('accounts', account({ observed: { recoveryDrill: { salt: 'old', iterations: 1, hashes: ['old'], codesShownAt: 1, lastDrillAt: 2, lastDrillPassed: true } } }));
    expect(await send(drillMessage)).toEqual({ stored: true, drillIntervalDays: 60 });
    expect((await observed()).recoveryDrill).toEqual({ salt: drillMessage.salt, iterations: 600_000, hashes: drillMessage.hashes, codesShownAt: now });
  });

  it('says so when the account is unknown, and forgets on request', async () => {
    expect(await send({ ...drillMessage, username: 'carol' })).toEqual({ stored: false, drillIntervalDays: 60 });
    await send(drillMessage);
    expect(await send({ type: 'recovery-drill-forget', username: 'alice' })).toEqual({ forgotten: true });
    expect((await observed()).recoveryDrill).toBeUndefined();
  });
});

describe('open-recovery-assistant', () => {
  it('opens the recovery assistant for the sender’s host, next to its tab', async () => {
    expect(await send({ type: 'open-recovery-assistant' })).toEqual({ opened: true });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.url).toMatch(/\/recovery\.html\?host=pypi\.org&from=prompt$/);
    expect(opened[0]!.opener).toBe(7);
  });
});

describe('account-audit: rows new since the last visit', () => {
  const history = (...rows: NonNullable<AccountSnapshot['securityEvents']>) => rows;
  const row = (tag: 'account:create' | 'account:email:add' | 'account:login:success', time: number, summary: string) => ({ tag, summary, time, location: 'Berlin, BE, DE', device: 'Firefox (Ubuntu)' });
  const visit = async (at: number, securityEvents: NonNullable<AccountSnapshot['securityEvents']>) => {
    now = at;
    await recordSnapshot(db, { host: 'pypi.org', pageKind: 'account-settings', seenAt: at, username: 'alice', securityEvents });
    return send({ type: 'account-audit', username: 'alice', pageSeenAfter: at - 5_000 });
  };

  it('reads the visit before this one from the stored snapshots, not this page view', async () => {
    await db.delete('accounts', 'pypi.org/alice');
    const created = row('account:create', T0 - 30 * DAY, 'Account created');
    const signIn = row('account:login:success', T0 - DAY, 'Logged in');
    const first = await visit(T0, history(created, signIn));
    expect(first).toMatchObject({ state: 'ready', firstLook: true, events: [] });

    // Three days later PyPI shows an email added: benign alone, new since the last visit.
    const emailAdded = row('account:email:add', T0 + 2 * DAY, 'Email added to account');
    const second = await visit(T0 + 3 * DAY, history(emailAdded, signIn, created));
    expect(second).toMatchObject({ state: 'ready', firstLook: false, events: [{ tag: 'account:email:add', summary: 'Email added to account', isNew: true }] });

    // A week later, nothing new: the row was new on the last visit, not since.
    const third = await visit(T0 + 10 * DAY, history(emailAdded, signIn, created));
    expect(third).toMatchObject({ state: 'ready', events: [] });
  });
});
