import { describe, expect, it } from 'vitest';
import { classifySender } from '@/utils/sender';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;

describe('classifySender', () => {
  it('accepts our content script on pypi.org and test.pypi.org', () => {
    expect(classifySender({ id: OWN_ID, url: 'https://pypi.org/manage/account/', tab: { id: 7 } as never }, OWN_ID, OWN_ORIGIN)).toEqual({
      kind: 'content-script', host: 'pypi.org', tabId: 7, path: '/manage/account/',
    });
    expect(classifySender({ id: OWN_ID, url: 'https://test.pypi.org/account/login/', tab: { id: 1 } as never }, OWN_ID, OWN_ORIGIN)?.kind).toBe('content-script');
  });

  it('accepts our own extension pages, in the popup or in a tab', () => {
    expect(classifySender({ id: OWN_ID, url: `${OWN_ORIGIN}popup.html` }, OWN_ID, OWN_ORIGIN)).toEqual({ kind: 'extension-page' });
    expect(classifySender({ id: OWN_ID, url: `${OWN_ORIGIN}options.html`, tab: { id: 3 } as never }, OWN_ID, OWN_ORIGIN)).toEqual({ kind: 'extension-page' });
  });

  it.each([
    ['another extension', { id: 'someone-else', url: 'https://pypi.org/manage/account/', tab: { id: 1 } }],
    ['a content script on a lookalike host', { id: OWN_ID, url: 'https://pypi.org.evil.example/manage/account/', tab: { id: 1 } }],
    ['a content script on plain http', { id: OWN_ID, url: 'http://pypi.org/manage/account/', tab: { id: 1 } }],
    ['a tab without url', { id: OWN_ID, tab: { id: 1 } }],
    ['a page of another extension origin', { id: OWN_ID, url: 'chrome-extension://other/popup.html' }],
    // Private windows: PyPI Guard is kept out of them (incognito: not_allowed); should it run there
    // anyway, nothing from a private tab is taken.
    ['our content script in a private window', { id: OWN_ID, url: 'https://pypi.org/manage/account/', tab: { id: 1, incognito: true } }],
    ['our own page in a private window', { id: OWN_ID, url: `${OWN_ORIGIN}options.html`, tab: { id: 3, incognito: true } }],
  ])('rejects %s', (_name, sender) => {
    expect(classifySender(sender as never, OWN_ID, OWN_ORIGIN)).toBeNull();
  });
});
