import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { defaultLookalikeDeps, handleLookalikeMessage, lookalikeOrigin, lookalikeTabMarkKey, type LookalikeDeps, type LookalikeOrigin, type LookalikeSender } from '@/utils/background/lookalike';
import { deleteStore, openStore } from '@/utils/store';
import type { Lookalike } from '@/utils/prompts/lookalike/detect';

const OWN = 'ownextensionid';
const from = (url: string, extra: Partial<LookalikeSender> = {}): LookalikeSender => ({ id: OWN, url, frameId: 3, documentId: 'doc-1', tab: { id: 12 }, ...extra });

let dbName: string;
let counter = 0;
let calls: string[];
let deps: LookalikeDeps;

beforeEach(() => {
  fakeBrowser.reset();
  dbName = `pypi-guard-lookalike-${counter++}`;
  calls = [];
  deps = {
    markTab: async (tabId, lookalike) => void calls.push(`mark ${tabId} ${lookalike.site}`),
    notifyOnce: async (lookalike) => void calls.push(`notify ${lookalike.site}`),
    inject: async (target: LookalikeOrigin['target']) => void calls.push(`inject ${JSON.stringify(target)}`),
    openDb: () => openStore(dbName),
    now: () => 1_000,
  };
});
afterEach(async () => {
  await deleteStore(dbName);
});

describe('lookalikeOrigin: which messages count, read from the browser’s sender', () => {
  it('a look-alike page in a normal tab: the tab, the very document that reported, and the host’s classification', () => {
    expect(lookalikeOrigin(from('https://pypi.org.example.test/account/login/'), OWN)).toMatchObject({
      tabId: 12,
      target: { tabId: 12, documentIds: ['doc-1'] },
      lookalike: { hostname: 'pypi.org.example.test', site: 'example.test', reason: 'pypi-org-in-name' },
    });
    // A browser that names no document: its frame.
    expect(lookalikeOrigin(from('https://xn--ypi-zed.org/login', { documentId: undefined }), OWN)?.target).toEqual({ tabId: 12, frameIds: [3] });
  });

  it.each([
    ['an ordinary host', from('https://example.org/login')],
    ['PyPI itself', from('https://pypi.org/account/login/')],
    ['another extension', from('https://pypl.org/', { id: 'someone-else' })],
    ['no tab', from('https://pypl.org/', { tab: undefined })],
    ['a private window', from('https://pypl.org/', { tab: { id: 12, incognito: true } })],
    ['a page that is not on the web', from('file:///pypl.org/')],
    ['no URL', from('https://pypl.org/', { url: undefined })],
  ])('ignores %s', (_name, sender) => {
    expect(lookalikeOrigin(sender, OWN)).toBeNull();
  });
});

describe('handleLookalikeMessage', () => {
  it('the probe’s word: marks the tab, notifies, then injects the warning into the reporting document', async () => {
    expect(await handleLookalikeMessage({ type: 'lookalike-password-form' }, from('https://pypi-login.com/'), OWN, deps)).toBeNull();
    expect(calls).toEqual(['mark 12 pypi-login.com', 'notify pypi-login.com', 'inject {"tabId":12,"documentIds":["doc-1"]}']);
  });

  it('the warning’s start: marks the tab; continuing is remembered for the site only, and only after the user’s second step', async () => {
    const page = (url: string) => handleLookalikeMessage({ type: 'lookalike-page' }, from(url), OWN, deps);
    expect(await page('https://pypl.org/account/login/')).toEqual({ continued: false });
    expect(calls).toEqual(['mark 12 pypl.org', 'notify pypl.org']);
    expect(await handleLookalikeMessage({ type: 'lookalike-continue' }, from('https://pypl.org/account/login/'), OWN, deps)).toEqual({ saved: true });
    expect(await page('https://www.pypl.org/other/')).toEqual({ continued: true });
    expect(await page('https://pyp1.org/')).toEqual({ continued: false });
    // Marked every time, continued or not: the tab says what the page is.
    expect(calls.filter((call) => call.startsWith('mark'))).toHaveLength(3);
    const db = await openStore(dbName);
    expect(await db.getAll('prompts')).toEqual([{ id: 'pypl.org|lookalike-host', dismissedAt: 1_000 }]);
    db.close();
  });

  it('answers nothing to messages with more in them, other types, or senders that are not look-alike pages', async () => {
    expect(handleLookalikeMessage({ type: 'lookalike-continue', site: 'pypi.org' }, from('https://pypl.org/'), OWN, deps)).toBeUndefined();
    expect(handleLookalikeMessage({ type: 'snapshot' }, from('https://pypl.org/'), OWN, deps)).toBeUndefined();
    expect(handleLookalikeMessage({ type: 'lookalike-continue' }, from('https://example.org/'), OWN, deps)).toBeUndefined();
    expect(handleLookalikeMessage({ type: 'lookalike-page' }, from('https://pypl.org/', { id: 'someone-else' }), OWN, deps)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});

describe('the browser side: the tab’s badge and title, one notification per site', () => {
  const lookalike: Lookalike = { hostname: 'pypl.org', displayName: 'pypl.org', site: 'pypl.org', reason: 'typo' };

  it('marks only that tab, where the page cannot reach', async () => {
    await browser.action.setBadgeText({ text: '2' });
    await defaultLookalikeDeps.markTab(12, lookalike);
    expect(await browser.action.getBadgeText({ tabId: 12 })).toBe('!');
    expect(await browser.action.getTitle({ tabId: 12 })).toMatch(/^PyPI Guard — This is not PyPI: pypl\.org only looks like PyPI\./);
    expect(await browser.action.getBadgeText({})).toBe('2');
    expect(await storage.getItem(lookalikeTabMarkKey(12))).toMatchObject({ site: 'pypl.org', reason: 'typo' });
  });

  it('notifies once per site', async () => {
    await defaultLookalikeDeps.notifyOnce(lookalike);
    await defaultLookalikeDeps.notifyOnce({ ...lookalike, hostname: 'www.pypl.org' });
    await defaultLookalikeDeps.notifyOnce({ ...lookalike, hostname: 'pyp1.org', displayName: 'pyp1.org', site: 'pyp1.org' });
    expect(Object.keys(await browser.notifications.getAll())).toEqual(['lookalike|pypl.org', 'lookalike|pyp1.org']);
  });
});
