import { definePage, has, samePath } from './define';

export const login = definePage({
  kind: 'login',
  matchesPath: (path) => samePath(path, '/account/login/'),
  confirm: (doc) => has(doc, 'form#login-form input[name="password"]'),
  examples: {
    accept: ['https://pypi.org/account/login/', 'https://test.pypi.org/account/login/?next=%2Fmanage%2Faccount%2F', 'https://pypi.org/account/login'],
    reject: ['https://pypi.org/account/login/extra/', 'https://pypi.org.evil.example/account/login/', 'http://pypi.org/account/login/', 'https://files.pypi.org/account/login/'],
  },
});
