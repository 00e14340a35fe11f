import { describe, expect, it } from 'vitest';
import { onDemandTarget } from '@/utils/background/load-on-demand';

const OWN_ID = 'own-extension-id';
const from = (url: string, extra: { id?: string; frameId?: number; tabId?: number | null } = {}) => ({
  id: extra.id ?? OWN_ID,
  url,
  frameId: extra.frameId ?? 0,
  tab: extra.tabId === null ? undefined : { id: extra.tabId ?? 7 },
});
const PROMPTS = { type: 'load-on-demand', script: 'prompts' };
const ZXCVBN = { type: 'load-on-demand', script: 'zxcvbn' };

describe('onDemandTarget', () => {
  it('injects the prompts into the sender’s own frame on the signed-out password pages', () => {
    for (const url of ['https://pypi.org/account/login/', 'https://test.pypi.org/account/register/', 'https://pypi.org/account/reset-password/?token=x']) {
      expect(onDemandTarget(PROMPTS, from(url, { frameId: 3 }), OWN_ID)).toEqual({ tabId: 7, frameIds: [3], file: '/content-scripts/prompts.js' });
    }
  });

  it('injects zxcvbn on every page with a password form, the account page included', () => {
    for (const url of ['https://pypi.org/account/login/', 'https://pypi.org/manage/account/', 'https://pypi.org/manage/account/?tab=1']) {
      expect(onDemandTarget(ZXCVBN, from(url), OWN_ID)).toMatchObject({ file: '/zxcvbn.js' });
    }
  });

  it('injects nothing elsewhere: pages without a password form, other hosts, look-alikes', () => {
    for (const url of ['https://pypi.org/', 'https://pypi.org/manage/account/two-factor/', 'https://pypi.org/manage/projects/', 'https://pypi.org.evil.example/account/login/', 'https://pypl.org/account/login/', 'http://pypi.org/account/login/']) {
      expect(onDemandTarget(ZXCVBN, from(url), OWN_ID)).toBeNull();
    }
    // The account page has the prompts from the manifest already: a second copy is not injected.
    expect(onDemandTarget(PROMPTS, from('https://pypi.org/manage/account/'), OWN_ID)).toBeNull();
  });

  it('answers only this extension’s content scripts in a tab, and only well-formed requests', () => {
    const login = 'https://pypi.org/account/login/';
    expect(onDemandTarget(ZXCVBN, from(login, { id: 'another-extension' }), OWN_ID)).toBeNull();
    expect(onDemandTarget(ZXCVBN, from(login, { tabId: null }), OWN_ID)).toBeNull();
    for (const message of [{ type: 'load-on-demand', script: 'background' }, { type: 'load-on-demand', script: 'zxcvbn', file: '/evil.js' }, { type: 'load-on-demand' }, 'zxcvbn', null]) {
      expect(onDemandTarget(message, from(login), OWN_ID)).toBeNull();
    }
  });
});
