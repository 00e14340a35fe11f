import { definePage, has } from './define';

// PyPI's username rule (pypi-facts.md §7), in `/user/{username}/`.
const PROFILE_PATH = /^\/user\/[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9])?\/$/;

export const profile = definePage({
  kind: 'profile',
  // `/u/<name>/` redirects here.
  matchesPath: (path) => PROFILE_PATH.test(path),
  confirm: (doc) => has(doc, '.author-profile'),
  examples: {
    accept: ['https://pypi.org/user/alice/', 'https://test.pypi.org/user/bob.smith/'],
    reject: ['https://pypi.org/user/', 'https://pypi.org/user/alice', 'https://pypi.org/user/alice/extra/', 'https://pypi.org/u/alice/'],
  },
});
