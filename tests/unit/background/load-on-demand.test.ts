import { describe, expect, it } from 'vitest';
import { onDemandTarget } from '@/utils/background/load-on-demand';

const OWN_ID = 'own-extension-id';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
const from = (url: string, extra: { id?: string; frameId?: number; tabId?: number | null; incognito?: boolean } = {}) => ({
  id: extra.id ?? OWN_ID,
  url,
  frameId: extra.frameId ?? 0,
  tab: extra.tabId === null ? undefined : ({ id: extra.tabId ?? 7, incognito: extra.incognito ?? false } as never),
});
const target = (message: unknown, sender: ReturnType<typeof from>) => onDemandTarget(message, sender, OWN_ID, OWN_ORIGIN);
const PROMPTS = { type: 'load-on-demand', script: 'prompts' };
const ZXCVBN = { type: 'load-on-demand', script: 'zxcvbn' };

describe('onDemandTarget', () => {
  it('injects the prompts into the sender’s own frame on the signed-out password pages and the pages of the prompts trigger', () => {
    for (const url of [
      'https://pypi.org/account/login/',
      'https://test.pypi.org/account/register/',
      'https://pypi.org/account/reset-password/?token=x',
      // Not declared anywhere: the prompts trigger asks for them once these pages are loaded and idle.
      'https://pypi.org/manage/account/',
      'https://pypi.org/manage/account/two-factor/',
      'https://test.pypi.org/account/two-factor/?next=%2F',
    ]) {
      expect(target(PROMPTS, from(url, { frameId: 3 }))).toEqual({ tabId: 7, frameIds: [3], file: '/content-scripts/prompts.js' });
    }
  });

  it('injects zxcvbn on every page with a password form, the account page included', () => {
    for (const url of ['https://pypi.org/account/login/', 'https://pypi.org/manage/account/', 'https://pypi.org/manage/account/?tab=1']) {
      expect(target(ZXCVBN, from(url))).toMatchObject({ file: '/zxcvbn.js' });
    }
  });

  it('injects nothing elsewhere: pages without a password form, other hosts, look-alikes', () => {
    for (const url of ['https://pypi.org/', 'https://pypi.org/manage/account/two-factor/', 'https://pypi.org/manage/projects/', 'https://pypi.org.evil.example/account/login/', 'https://pypl.org/account/login/', 'http://pypi.org/account/login/']) {
      expect(target(ZXCVBN, from(url))).toBeNull();
    }
    // Nor the prompts where neither trigger runs.
    for (const url of ['https://pypi.org/', 'https://pypi.org/manage/projects/', 'https://pypi.org/manage/account/token/', 'https://pypl.org/manage/account/']) {
      expect(target(PROMPTS, from(url))).toBeNull();
    }
  });

  it('answers only this extension’s content scripts in a tab, and only well-formed requests', () => {
    const login = 'https://pypi.org/account/login/';
    expect(target(ZXCVBN, from(login, { id: 'another-extension' }))).toBeNull();
    expect(target(ZXCVBN, from(login, { tabId: null }))).toBeNull();
    // A private tab (the manifest keeps PyPI Guard out of them; should a browser let it in anyway).
    expect(target(ZXCVBN, from(login, { incognito: true }))).toBeNull();
    // Its own extension pages have no PyPI frame to inject into.
    expect(target(ZXCVBN, from(`${OWN_ORIGIN}options.html`))).toBeNull();
    for (const message of [{ type: 'load-on-demand', script: 'background' }, { type: 'load-on-demand', script: 'zxcvbn', file: '/evil.js' }, { type: 'load-on-demand' }, 'zxcvbn', null]) {
      expect(target(message, from(login))).toBeNull();
    }
  });
});
