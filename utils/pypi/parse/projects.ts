import { safeDecode, textOf } from './dom';

/** Project names on /manage/projects/ (`.package-snippet__title`, §2b); project names are never translated. */
export function parseProjectsPage(doc: Document): string[] {
  return unique([...doc.querySelectorAll('.package-snippet .package-snippet__title')].map((title) => textOf(title)));
}

/** Project names on a public profile: each `a.package-snippet` links to `/project/<name>/`. */
export function parseProfileProjects(doc: Document): string[] {
  return unique(
    [...doc.querySelectorAll('a.package-snippet[href^="/project/"]')].map((link) => projectFromHref(link.getAttribute('href')) ?? ''),
  );
}

/** `/project/alice-tools/` → `alice-tools`; undefined for any other href or a malformed escape. */
export function projectFromHref(href: string | null): string | undefined {
  const segment = /^\/project\/([^/?#]+)/.exec(href ?? '')?.[1];
  return segment === undefined ? undefined : safeDecode(segment);
}

/** Projects offered as token scopes on /manage/account/token/ (`scope:project:<name>`). */
export function parseTokenScopeProjects(doc: Document): string[] | undefined {
  const select = doc.querySelector('select#token_scope');
  if (!select) return undefined;
  return unique(
    [...select.querySelectorAll('option')].map((option) => /^scope:project:(.+)$/.exec(option.getAttribute('value') ?? '')?.[1] ?? ''),
  );
}

function unique(names: string[]): string[] {
  return [...new Set(names.map((name) => name.trim().slice(0, 256)).filter(Boolean))];
}
