import { byId, definePage, routes } from './define';

export const apiToken = definePage({
  kind: 'api-token',
  matchesPath: routes('/manage/account/token/'),
  // The create form, or the one-time display of a new token.
  confirm: (doc) => byId(doc, 'create-token', 'section') !== null || byId(doc, 'provisioned-key', 'section') !== null,
  examples: {
    accept: ['https://pypi.org/manage/account/token/', 'https://test.pypi.org/manage/account/token/'],
    reject: ['https://pypi.org/manage/account/token', 'https://pypi.org/manage/account/tokens/', 'https://pypi.org/manage/account/'],
  },
});
