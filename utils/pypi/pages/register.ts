import { definePage, has, routes } from './define';

export const register = definePage({
  kind: 'register',
  matchesPath: routes('/account/register/'),
  confirm: (doc) => has(doc, 'form input[name="new_password"]') && has(doc, 'form input[name="password_confirm"]') && has(doc, 'form input[name="username"]'),
  examples: {
    accept: ['https://pypi.org/account/register/', 'https://test.pypi.org/account/register/'],
    reject: ['https://pypi.org/account/registered/', 'https://pypi.org/register/', 'https://pypi.org/account/register'],
  },
});
