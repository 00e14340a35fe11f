import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routeMessage, WRITES_STORE, type MessageHandlers } from '@/utils/background/router';
import { parseMessage } from '@/utils/messages';

const OWN = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const CONTENT_SCRIPT = { id: OWN.id, url: 'https://pypi.org/manage/account/', tab: { id: 7 } as never };
const POPUP = { id: OWN.id, url: `${OWN.origin}popup.html` };

const SNAPSHOT = { type: 'snapshot', snapshot: { host: 'pypi.org', pageKind: 'account-settings', seenAt: 1_790_000_000_000, username: 'alice' } };
const LOGIN_ATTEMPT = { type: 'login-attempt', username: 'alice' };
const DATA_CHANGED = { type: 'data-changed' };
const PROMPT_STATES = { type: 'prompt-states', username: 'alice' };
const HISTORY_CURSOR = { type: 'history-cursor', username: 'alice' };

let handlers: { [K in keyof MessageHandlers]: ReturnType<typeof vi.fn> };
/** What happened, in order: each handler's name as it was called, `refresh` when the refresh ran. */
let log: string[];

beforeEach(() => {
  log = [];
  const step = <T>(name: string, value: T) => async () => {
    log.push(`${name}:start`);
    await new Promise((resolve) => setTimeout(resolve, 1)); // a write that takes a moment
    log.push(`${name}:done`);
    return value;
  };
  handlers = {
    snapshot: vi.fn(step('snapshot', 'stored')),
    historyCursor: vi.fn(async () => ({ storedUpTo: 1_790_000_000_000 })),
    loginAttempt: vi.fn(),
    prompt: vi.fn(step('prompt', 'states')),
    passwordReset: vi.fn(async () => 'reset'),
    refresh: vi.fn(async () => void log.push('refresh')),
  };
});

const route = (raw: unknown, sender: Parameters<typeof routeMessage>[1]) => routeMessage(raw, sender, OWN, handlers as unknown as MessageHandlers);
const calls = () => Object.values(handlers).reduce((sum, handler) => sum + handler.mock.calls.length, 0);

describe('routeMessage', () => {
  it('the messages used below are valid, so a refusal comes from the sender rules', () => {
    for (const message of [SNAPSHOT, LOGIN_ATTEMPT, DATA_CHANGED, PROMPT_STATES, HISTORY_CURSOR]) expect(parseMessage(message), message.type).not.toBeNull();
  });

  it('hands our content script’s snapshot over with the page’s host', async () => {
    await expect(route(SNAPSHOT, CONTENT_SCRIPT)).resolves.toBe('stored');
    expect(handlers.snapshot).toHaveBeenCalledWith(expect.objectContaining({ type: 'snapshot' }), { kind: 'content-script', host: 'pypi.org', tabId: 7, path: '/manage/account/' });
  });

  it.each([
    ['another extension', { ...CONTENT_SCRIPT, id: 'otherextensionidotherextensionid' }],
    ['a page that is not PyPI', { ...CONTENT_SCRIPT, url: 'https://pypi.org.evil.example/manage/account/' }],
    ['PyPI over plain http', { ...CONTENT_SCRIPT, url: 'http://pypi.org/manage/account/' }],
    ['a sender without a url', { id: OWN.id, tab: { id: 7 } as never }],
    ['a tab in a private window', { ...CONTENT_SCRIPT, tab: { id: 7, incognito: true } as never }],
  ])('ignores %s', (_, sender) => {
    for (const message of [SNAPSHOT, LOGIN_ATTEMPT, DATA_CHANGED, PROMPT_STATES, HISTORY_CURSOR]) expect(route(message, sender)).toBeUndefined();
    expect(calls()).toBe(0);
  });

  it('answers our content script the history cursor of its own host, without a refresh, and nobody else', async () => {
    expect(route(HISTORY_CURSOR, POPUP)).toBeUndefined();
    expect(route({ ...HISTORY_CURSOR, host: 'test.pypi.org' }, CONTENT_SCRIPT)).toBeUndefined(); // the host is never the message's
    await expect(route(HISTORY_CURSOR, CONTENT_SCRIPT)).resolves.toEqual({ storedUpTo: 1_790_000_000_000 });
    expect(handlers.historyCursor).toHaveBeenCalledWith(HISTORY_CURSOR, { kind: 'content-script', host: 'pypi.org', tabId: 7, path: '/manage/account/' });
    expect(handlers.refresh).not.toHaveBeenCalled();
  });

  it('ignores malformed messages from our own code', () => {
    const malformed = [
      null,
      'snapshot',
      { type: 'snapshot' },
      { ...SNAPSHOT, extra: 'field' },
      { type: 'snapshot', snapshot: { ...SNAPSHOT.snapshot, host: 'evil.example' } },
      { type: 'login-attempt', username: '<script>' },
      { type: 'no-such-message' },
    ];
    for (const message of malformed) expect(route(message, CONTENT_SCRIPT)).toBeUndefined();
    expect(calls()).toBe(0);
  });

  it('accepts each type only from the kind of sender that has a reason to send it', async () => {
    expect(route(SNAPSHOT, POPUP)).toBeUndefined();
    expect(route(LOGIN_ATTEMPT, POPUP)).toBeUndefined();
    expect(route(PROMPT_STATES, POPUP)).toBeUndefined();
    expect(route(DATA_CHANGED, CONTENT_SCRIPT)).toBeUndefined();
    expect(calls()).toBe(0);

    await route(DATA_CHANGED, POPUP);
    expect(handlers.refresh).toHaveBeenCalledTimes(1);
    await expect(route(PROMPT_STATES, CONTENT_SCRIPT)).resolves.toBe('states');
    expect(route(LOGIN_ATTEMPT, CONTENT_SCRIPT)).toBeUndefined(); // remembered, no reply
    expect(handlers.loginAttempt).toHaveBeenCalledTimes(1);
  });
});

describe('reminders and the badge follow every write', () => {
  const OPTIONS_PAGE = { id: OWN.id, url: `${OWN.origin}options.html` };
  const PASSWORD_SUBMITTED = { type: 'password-submitted', form: 'login', username: 'alice', score: 1, breached: true };
  // The login page shown again with PyPI's compromised-password error: the breach is stored then.
  const LOGIN_PAGE_SHOWN = { type: 'login-page-shown', succeeded: false, compromisedPassword: true };
  const DRILL_HASHES = { type: 'recovery-codes-shown', username: 'alice', salt: 'A'.repeat(22) + '==', iterations: 600_000, hashes: ['A'.repeat(43) + '='] };
  const ACKNOWLEDGE = { type: 'acknowledge-events', username: 'alice', shownEventIds: [] };

  it('data-changed from an extension page refreshes before it answers, and a content script cannot send it', async () => {
    await expect(route(DATA_CHANGED, OPTIONS_PAGE)).resolves.toBeUndefined();
    expect(log).toEqual(['refresh']);
    expect(route(DATA_CHANGED, CONTENT_SCRIPT)).toBeUndefined();
    expect(handlers.refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes after the snapshot handler has finished all its writes (the password outcome included), then replies', async () => {
    await expect(route(SNAPSHOT, CONTENT_SCRIPT)).resolves.toBe('stored');
    expect(log).toEqual(['snapshot:start', 'snapshot:done', 'refresh']);
  });

  it('refreshes after a login page view only when it recorded a breach: most views change nothing and run no tick', async () => {
    handlers.prompt.mockImplementationOnce(async () => ({ resetConfirmed: false, breachRecorded: true }));
    await expect(route(LOGIN_PAGE_SHOWN, CONTENT_SCRIPT)).resolves.toEqual({ resetConfirmed: false, breachRecorded: true });
    expect(handlers.refresh).toHaveBeenCalledTimes(1);
    handlers.prompt.mockImplementationOnce(async () => ({ resetConfirmed: true, breachRecorded: false }));
    await route({ type: 'login-page-shown', succeeded: true }, CONTENT_SCRIPT);
    handlers.prompt.mockImplementationOnce(async () => ({ resetConfirmed: false, breachRecorded: false }));
    await route({ type: 'login-page-shown', succeeded: false }, CONTENT_SCRIPT);
    expect(handlers.refresh).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['recovery-codes-shown', DRILL_HASHES],
    ['acknowledge-events', ACKNOWLEDGE],
  ])('refreshes after %s', async (_, message) => {
    expect(parseMessage(message)).not.toBeNull();
    await expect(route(message, CONTENT_SCRIPT)).resolves.toBe('states');
    expect(log).toEqual(['prompt:start', 'prompt:done', 'refresh']);
  });

  it('does not refresh for messages that only read, or that were refused', async () => {
    await route(PROMPT_STATES, CONTENT_SCRIPT);
    await route({ type: 'hibp-range', prefix: '5BAA6' }, CONTENT_SCRIPT);
    route(LOGIN_ATTEMPT, CONTENT_SCRIPT);
    // A submit is only remembered: the next page settles it (and that message refreshes).
    await route(PASSWORD_SUBMITTED, CONTENT_SCRIPT);
    expect(route(PASSWORD_SUBMITTED, POPUP)).toBeUndefined();
    // A login page's report comes from PyPI's page itself, never from an extension page.
    expect(route(LOGIN_PAGE_SHOWN, POPUP)).toBeUndefined();
    expect(handlers.refresh).not.toHaveBeenCalled();
  });

  it('refreshes even when the handler failed part-way, and still reports the failure', async () => {
    handlers.prompt.mockImplementationOnce(async () => {
      log.push('prompt:partial');
      throw new Error('disk full');
    });
    await expect(route(ACKNOWLEDGE, CONTENT_SCRIPT)).rejects.toThrow('disk full');
    expect(log).toEqual(['prompt:partial', 'refresh']);
  });

  it('says for every message type whether it writes', () => {
    expect(Object.entries(WRITES_STORE).filter(([, writes]) => writes).map(([type]) => type).sort()).toEqual(
      ['acknowledge-events', 'data-changed', 'login-page-shown', 'prompt-dismiss', 'recovery-codes-shown', 'recovery-drill-forget', 'snapshot'].sort(),
    );
  });
});
