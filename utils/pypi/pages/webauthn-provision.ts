import { definePage, has } from './define';

export const webauthnProvision = definePage({
  kind: 'webauthn-provision',
  matchesPath: (path) => path === '/manage/account/webauthn-provision',
  confirm: (doc) => has(doc, 'form#webauthn-provision-form'),
  examples: {
    accept: ['https://pypi.org/manage/account/webauthn-provision', 'https://test.pypi.org/manage/account/webauthn-provision'],
    reject: ['https://pypi.org/manage/account/webauthn-provision/options', 'https://pypi.org/manage/account/totp-provision'],
  },
});
