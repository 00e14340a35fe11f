import { definePage, has, routes } from './define';

export const totpProvision = definePage({
  kind: 'totp-provision',
  // No trailing slash on PyPI's route (pypi-facts.md §1).
  matchesPath: routes('/manage/account/totp-provision'),
  confirm: (doc) => has(doc, 'form.totp-form__form input[name="totp_value"]'),
  examples: {
    accept: ['https://pypi.org/manage/account/totp-provision', 'https://test.pypi.org/manage/account/totp-provision'],
    reject: ['https://pypi.org/manage/account/totp-provision/image', 'https://pypi.org/manage/account/totp-provision/', 'https://pypi.org/manage/account/webauthn-provision'],
  },
});
