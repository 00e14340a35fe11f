import { definePage, has, samePath } from './define';

export const apiToken = definePage({
  kind: 'api-token',
  matchesPath: (path) => samePath(path, '/manage/account/token/'),
  // The create form, or the one-time display of a new token.
  confirm: (doc) => has(doc, 'section#create-token') || has(doc, 'section#provisioned-key'),
  examples: {
    accept: ['https://pypi.org/manage/account/token/', 'https://test.pypi.org/manage/account/token/'],
    reject: ['https://pypi.org/manage/account/tokens/', 'https://pypi.org/manage/account/'],
  },
});
