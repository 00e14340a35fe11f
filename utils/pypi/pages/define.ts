import type { PageKind } from '../page-kinds';

/**
 * One page kind: which paths it lives on (after normalisation), the DOM marker that confirms it
 * (ids, field names, section ids from pypi-facts.md — never English text), and the example URLs
 * it must accept and reject. The examples drive the tests: every kind must accept its own URLs
 * and every other kind must reject them.
 */
export interface PageDefinition {
  kind: Exclude<PageKind, 'other'>;
  matchesPath(path: string): boolean;
  /** The locale-independent marker that says the document really is this page. */
  confirm(doc: Document): boolean;
  examples: { accept: string[]; reject: string[] };
  /**
   * True for a page PyPI shows in place of others at their URLs (the password re-check): it is
   * told apart by its DOM, so the URL matrix does not expect other kinds to reject its paths.
   */
  overlaysOtherPages?: boolean;
}

export function definePage(definition: PageDefinition): PageDefinition {
  return definition;
}

/** `/a/b` and `/a/b/` compare equal; PyPI redirects one to the other where a route exists. */
export function samePath(path: string, route: string): boolean {
  return stripSlash(path) === stripSlash(route);
}

function stripSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export const has = (doc: Document, selector: string): boolean => doc.querySelector(selector) !== null;
