import type { PageKind } from '../page-kinds';

/**
 * One page kind: which paths it lives on, the DOM marker that confirms it (ids, field names,
 * section ids from pypi-facts.md — never English text), and the example URLs it must accept and
 * reject. The examples drive the tests: every kind must accept its own URLs, every other kind
 * must reject them, and the account content script must be declared for each of them.
 */
export interface PageDefinition {
  kind: Exclude<PageKind, 'other'>;
  /**
   * The path exactly as PyPI serves the page. A route with a trailing slash is only ever shown
   * with it (PyPI answers the bare form with a redirect), one without (the provisioning routes)
   * only without it, so the comparison is exact.
   */
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

/** A matcher for one or more exact routes. */
export const routes =
  (...paths: string[]) =>
  (path: string): boolean =>
    paths.includes(path);

export const has = (doc: Document, selector: string): boolean => doc.querySelector(selector) !== null;

/**
 * An element by id, of the given tag: a lookup in the document's id map, so a marker check costs
 * the same on a 5 MB account page as on a login form.
 */
export function byId(doc: Document, id: string, tag: string): Element | null {
  const element = doc.getElementById(id);
  return element?.localName === tag ? element : null;
}
