import type { ApiTokenFact, TokenScope } from '../snapshot';
import { parsePypiTime, textOf } from './dom';
import { projectFromHref } from './projects';
import { found, missed, type Read } from './read';

/** Name, Scope, Created, and "Last used" spanning two columns (its second holds the row's actions). */
const COLUMNS = 5;

/**
 * The API tokens table in `section#api-tokens` (docs/pypi-pages.md). PyPI renders it only when the
 * account has tokens: a section without a table is no tokens. Each row is a `th[scope=row]` (the
 * name) and cells Scope, Created, Last used, actions, each opening with its mobile label:
 * - Scope: one link to `/project/<name>/` per project, or, for a token scoped to the whole account,
 *   the words "All projects" (translated) and no link — the template has no other branch, so words
 *   without a link mean the whole account in every language.
 * - Created: a `<time>`.
 * - Last used: a `<time>`, or the word "Never" (translated) and no time: null.
 * A table of another column layout, or a cell that says none of this, makes the tokens unreadable.
 * Undefined when the page has no such section.
 */
export function parseApiTokens(doc: Document): Read<ApiTokenFact[]> | undefined {
  const section = doc.querySelector('section#api-tokens');
  if (!section) return undefined;
  const table = section.querySelector('table');
  if (!table) return found([]);
  const headers = [...table.querySelectorAll('thead th')];
  const columns = headers.reduce((sum, header) => sum + Math.max(1, Number(header.getAttribute('colspan') ?? 1) || 1), 0);
  if (!table.classList.contains('table--api-tokens') || headers.length !== 4 || columns !== COLUMNS) return missed('token-columns');
  const tokens: ApiTokenFact[] = [];
  for (const row of table.querySelectorAll('tbody tr')) {
    const cells = cellsOf(row);
    if (!cells) return missed('token-columns');
    const scope = scopeOf(cells.scope);
    if (!scope) return missed('token-scope');
    const createdAt = parsePypiTime(cells.created.querySelector('time')?.getAttribute('datetime'));
    if (createdAt === undefined) return missed('token-created');
    const lastUsedAt = lastUsedOf(cells.lastUsed);
    if (lastUsedAt === undefined) return missed('token-last-used');
    tokens.push({ name: withoutMobileLabel(cells.name).slice(0, 512), scope, createdAt, lastUsedAt });
  }
  return found(tokens);
}

interface TokenCells {
  name: Element;
  scope: Element;
  created: Element;
  lastUsed: Element;
}

function cellsOf(row: Element): TokenCells | null {
  const [name, scope, created, lastUsed, actions, extra] = row.children;
  const isCell = (cell: Element | undefined, tag: string): cell is Element => cell?.localName === tag;
  return isCell(name, 'th') && isCell(scope, 'td') && isCell(created, 'td') && isCell(lastUsed, 'td') && isCell(actions, 'td') && !extra
    ? { name, scope, created, lastUsed }
    : null;
}

function scopeOf(cell: Element): TokenScope | undefined {
  const links = [...cell.querySelectorAll('a')];
  if (links.length === 0) return withoutMobileLabel(cell) ? { kind: 'account' } : undefined;
  const projects = links.map((link) => projectFromHref(link.getAttribute('href')));
  // One link that is not a readable project: the token's reach is not known.
  return projects.every((project): project is string => Boolean(project)) ? { kind: 'projects', projects } : undefined;
}

function lastUsedOf(cell: Element): number | null | undefined {
  const time = cell.querySelector('time');
  if (time) return parsePypiTime(time.getAttribute('datetime'));
  return withoutMobileLabel(cell) ? null : undefined;
}

function withoutMobileLabel(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.table__mobile-label').forEach((label) => label.remove());
  return textOf(copy);
}
