import { byId, definePage, routes } from './define';

export const webauthnProvision = definePage({
  kind: 'webauthn-provision',
  // No trailing slash on PyPI's route (pypi-facts.md §1).
  matchesPath: routes('/manage/account/webauthn-provision'),
  confirm: (doc) => byId(doc, 'webauthn-provision-form', 'form') !== null,
  examples: {
    accept: ['https://pypi.org/manage/account/webauthn-provision', 'https://test.pypi.org/manage/account/webauthn-provision'],
    reject: ['https://pypi.org/manage/account/webauthn-provision/options', 'https://pypi.org/manage/account/webauthn-provision/delete', 'https://pypi.org/manage/account/totp-provision'],
  },
});
