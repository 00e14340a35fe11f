import { byId, definePage, routes } from './define';

export const login = definePage({
  kind: 'login',
  matchesPath: routes('/account/login/'),
  confirm: (doc) => byId(doc, 'login-form', 'form')?.querySelector('input[name="password"]') != null,
  examples: {
    accept: ['https://pypi.org/account/login/', 'https://test.pypi.org/account/login/?next=%2Fmanage%2Faccount%2F'],
    reject: [
      'https://pypi.org/account/login', // redirected to /account/login/ first
      'https://pypi.org/account/login/extra/',
      'https://pypi.org.evil.example/account/login/',
      'http://pypi.org/account/login/',
      'https://files.pypi.org/account/login/',
    ],
  },
});
