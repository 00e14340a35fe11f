import { byId, definePage, routes } from './define';

export const accountSettings = definePage({
  kind: 'account-settings',
  matchesPath: routes('/manage/account/'),
  confirm: (doc) => byId(doc, 'account-details', 'section') !== null && byId(doc, 'account-emails', 'section') !== null,
  examples: {
    accept: ['https://pypi.org/manage/account/', 'https://test.pypi.org/manage/account/#account-events', 'https://pypi.org/manage/account/?_LOCALE_=en'],
    // `/manage/account` is answered with a redirect to `/manage/account/`: no page is shown there.
    reject: ['https://pypi.org/manage/account', 'https://pypi.org/manage/account/two-factor/', 'https://pypi.org/manage/accounts/', 'https://pypi.org/manage/account/publishing/'],
  },
});
