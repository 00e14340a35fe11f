import { definePage, has, routes } from './define';

export const projects = definePage({
  kind: 'projects',
  matchesPath: routes('/manage/projects/'),
  // An account with no project has no snippets; the manage tabs still mark the page.
  confirm: (doc) => has(doc, '.package-snippet') || has(doc, '.vertical-tabs__tab--is-active[href$="/manage/projects/"]'),
  examples: {
    accept: ['https://pypi.org/manage/projects/', 'https://test.pypi.org/manage/projects/'],
    reject: ['https://pypi.org/manage/projects', 'https://pypi.org/manage/project/sampleproject/settings/', 'https://pypi.org/projects/'],
  },
});
