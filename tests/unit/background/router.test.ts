import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routeMessage, type MessageHandlers } from '@/utils/background/router';
import { parseMessage } from '@/utils/messages';

const OWN = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const CONTENT_SCRIPT = { id: OWN.id, url: 'https://pypi.org/manage/account/', tab: { id: 7 } as never };
const POPUP = { id: OWN.id, url: `${OWN.origin}popup.html` };

const SNAPSHOT = { type: 'snapshot', snapshot: { host: 'pypi.org', pageKind: 'account-settings', seenAt: 1_790_000_000_000, username: 'alice' } };
const LOGIN_ATTEMPT = { type: 'login-attempt', username: 'alice' };
const DATA_CHANGED = { type: 'data-changed' };
const PROMPT_STATES = { type: 'prompt-states', username: 'alice' };

let handlers: { [K in keyof MessageHandlers]: ReturnType<typeof vi.fn> };

beforeEach(() => {
  handlers = {
    snapshot: vi.fn(async () => 'stored'),
    loginAttempt: vi.fn(),
    dataChanged: vi.fn(async () => undefined),
    prompt: vi.fn(async () => 'states'),
    passwordReset: vi.fn(async () => 'reset'),
  };
});

const route = (raw: unknown, sender: Parameters<typeof routeMessage>[1]) => routeMessage(raw, sender, OWN, handlers as unknown as MessageHandlers);
const calls = () => Object.values(handlers).reduce((sum, handler) => sum + handler.mock.calls.length, 0);

describe('routeMessage', () => {
  it('the messages used below are valid, so a refusal comes from the sender rules', () => {
    for (const message of [SNAPSHOT, LOGIN_ATTEMPT, DATA_CHANGED, PROMPT_STATES]) expect(parseMessage(message), message.type).not.toBeNull();
  });

  it('hands our content script’s snapshot over with the page’s host', async () => {
    await expect(route(SNAPSHOT, CONTENT_SCRIPT)).resolves.toBe('stored');
    expect(handlers.snapshot).toHaveBeenCalledWith(expect.objectContaining({ type: 'snapshot' }), { kind: 'content-script', host: 'pypi.org', tabId: 7 });
  });

  it.each([
    ['another extension', { ...CONTENT_SCRIPT, id: 'otherextensionidotherextensionid' }],
    ['a page that is not PyPI', { ...CONTENT_SCRIPT, url: 'https://pypi.org.evil.example/manage/account/' }],
    ['PyPI over plain http', { ...CONTENT_SCRIPT, url: 'http://pypi.org/manage/account/' }],
    ['a sender without a url', { id: OWN.id, tab: { id: 7 } as never }],
  ])('ignores %s', (_, sender) => {
    for (const message of [SNAPSHOT, LOGIN_ATTEMPT, DATA_CHANGED, PROMPT_STATES]) expect(route(message, sender)).toBeUndefined();
    expect(calls()).toBe(0);
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
    expect(handlers.dataChanged).toHaveBeenCalledTimes(1);
    await expect(route(PROMPT_STATES, CONTENT_SCRIPT)).resolves.toBe('states');
    expect(route(LOGIN_ATTEMPT, CONTENT_SCRIPT)).toBeUndefined(); // remembered, no reply
    expect(handlers.loginAttempt).toHaveBeenCalledTimes(1);
  });
});
