import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlePromptMessage, type PromptDeps } from '@/utils/background/prompts';
import { rememberLoginAttempt } from '@/utils/background/snapshots';
import { parseRecoveryQuery } from '@/utils/recovery/query';

/**
 * The lost-2FA prompt's way into the assistant (utils/background/prompts.ts, open-recovery-assistant):
 * the two-factor page names no account, so the background adds the username the same tab just
 * submitted on PyPI's login form, when it knows it.
 */

const NOW = Date.UTC(2026, 5, 15, 12);
const MINUTE = 60_000;
let opened: { url: string; opener: number | undefined }[];
let now: number;
let nextTab = 100;

const deps = (): PromptDeps => ({
  openDb: () => Promise.reject(new Error('opening the assistant needs no store')),
  now: () => now,
  fetch: (() => Promise.reject(new Error('no network'))) as typeof fetch,
  isOnline: () => true,
  openTab: async (url, opener) => void opened.push({ url, opener }),
  sleep: async () => undefined,
  breachCheckConsented: async () => true,
  tabAccount: async () => null,
});

// A fresh tab per test: the background remembers login attempts per tab, in memory.
const tab = (host: 'pypi.org' | 'test.pypi.org' = 'pypi.org', tabId = nextTab++) => ({ kind: 'content-script', host, tabId }) as const;
const open = (from: ReturnType<typeof tab>) => handlePromptMessage({ type: 'open-recovery-assistant' }, from, deps());
const query = () => parseRecoveryQuery(new URL(opened.at(-1)!.url).search);

beforeEach(() => {
  fakeBrowser.reset();
  opened = [];
  now = NOW;
});

describe('opening the assistant from the lost-2FA prompt', () => {
  it('passes the username just submitted on the login form in the same tab', async () => {
    const twoFactorTab = tab('test.pypi.org');
    rememberLoginAttempt({ type: 'login-attempt', username: 'ada.l' }, twoFactorTab, NOW - 2 * MINUTE);
    expect(await open(twoFactorTab)).toEqual({ opened: true });
    expect(opened[0]!.url).toMatch(/\/recovery\.html\?host=test\.pypi\.org&username=ada\.l&from=prompt$/);
    expect(opened[0]!.opener).toBe(twoFactorTab.tabId);
    expect(query()).toEqual({ host: 'test.pypi.org', username: 'ada.l', from: 'prompt', intent: null });
  });

  it('passes only the host when the login was in another tab, on the other host, or too long ago', async () => {
    const loginTab = tab('pypi.org');
    rememberLoginAttempt({ type: 'login-attempt', username: 'ada' }, loginTab, NOW - MINUTE);
    await open(tab('pypi.org'));
    expect(query()).toEqual({ host: 'pypi.org', username: null, from: 'prompt', intent: null });

    await open({ ...loginTab, host: 'test.pypi.org' });
    expect(query()).toEqual({ host: 'test.pypi.org', username: null, from: 'prompt', intent: null });

    now = NOW + 10 * MINUTE;
    await open(loginTab);
    expect(query().username).toBeNull();
    expect(opened.at(-1)!.url).toMatch(/\/recovery\.html\?host=pypi\.org&from=prompt$/);
  });
});
