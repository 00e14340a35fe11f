import type { ApiTokenFact, TokenScope } from '../snapshot';
import { isEnglishDocument } from './account-events';
import { parsePypiTime, textOf } from './dom';
import { projectFromHref } from './projects';

const ROWS = 'section#api-tokens table.table--api-tokens tbody tr';
/** PyPI's English text for a token without a project caveat (pypi-facts.md §3); translated elsewhere. */
const ALL_PROJECTS = 'All projects';

/**
 * The API tokens table in `section#api-tokens` (columns Name, Scope, Created, Last used; §3).
 * Nothing is guessed from what a row lacks:
 * - Scope: links to `/project/<name>/` mean project-scoped; the words "All projects" (read on an
 *   English page, or on `englishDoc`, the same page fetched in English) mean account-wide; a row
 *   with neither, or with a link that cannot be read, has no `scope`.
 * - Created: the `<time>`, absent if unreadable.
 * - Last used: a `<time>`; no time but text ("Never", translated) is null; an unreadable time or an
 *   empty cell leaves `lastUsedAt` absent.
 * Returns [] when the section shows no table, undefined when the section is absent.
 */
export function parseApiTokens(doc: Document, englishDoc?: Document): ApiTokenFact[] | undefined {
  const section = doc.querySelector('section#api-tokens');
  if (!section) return undefined;
  const englishRows = isEnglishDocument(doc) ? null : englishDoc && isEnglishDocument(englishDoc) ? [...englishDoc.querySelectorAll(ROWS)] : [];
  const tokens: ApiTokenFact[] = [];
  const rows = [...section.querySelectorAll('table.table--api-tokens tbody tr')];
  for (const [index, row] of rows.entries()) {
    const cells = cellsOf(row);
    if (!cells) continue;
    const name = textWithoutMobileLabel(cells.name).slice(0, 512);
    // On an English page the row itself says "All projects"; otherwise its twin in the English copy.
    const englishScopeCell = englishRows === null ? cells.scope : englishTwin(englishRows, index, name)?.scope;
    const scope = scopeOf(cells.scope, englishScopeCell);
    const createdAt = parsePypiTime(cells.created.querySelector('time[datetime]')?.getAttribute('datetime'));
    const lastUsedAt = lastUsedOf(cells.lastUsed);
    tokens.push({
      name,
      ...(scope && { scope }),
      ...(createdAt !== undefined && { createdAt }),
      ...(lastUsedAt !== undefined && { lastUsedAt }),
    });
  }
  return tokens;
}

/**
 * Whether the page has a token row without project links — one whose scope only the English
 * words can tell — so that a page in another language is worth fetching in English.
 */
export function hasTokenScopeInWords(doc: Document): boolean {
  return [...doc.querySelectorAll(ROWS)].some((row) => {
    const cells = cellsOf(row);
    return cells !== null && cells.scope.querySelector('a[href^="/project/"]') === null;
  });
}

interface TokenCells {
  name: Element;
  scope: Element;
  created: Element;
  lastUsed: Element;
}

function cellsOf(row: Element): TokenCells | null {
  const name = row.querySelector('th');
  const [scope, created, lastUsed] = row.querySelectorAll('td');
  return name && scope && created && lastUsed ? { name, scope, created, lastUsed } : null;
}

/** The same token's cells in the English copy: same place and name (token names are not translated). */
function englishTwin(rows: Element[], index: number, name: string): TokenCells | undefined {
  const matches = (row: Element | undefined) => {
    const cells = row ? cellsOf(row) : null;
    return cells && textWithoutMobileLabel(cells.name).slice(0, 512) === name ? cells : undefined;
  };
  const atSamePlace = matches(rows[index]);
  if (atSamePlace) return atSamePlace;
  const sameName = rows.map(matches).filter((cells) => cells !== undefined);
  return sameName.length === 1 ? sameName[0] : undefined;
}

function scopeOf(cell: Element, englishCell: Element | undefined): TokenScope | undefined {
  const links = [...cell.querySelectorAll('a[href^="/project/"]')];
  if (links.length > 0) {
    const projects = links.map((link) => projectFromHref(link.getAttribute('href')));
    // One unreadable link: the token's reach is not known, so no scope at all.
    return projects.every((project): project is string => Boolean(project)) ? { kind: 'projects', projects } : undefined;
  }
  if (englishCell && englishCell.querySelector('a[href^="/project/"]') === null && textWithoutMobileLabel(englishCell) === ALL_PROJECTS) return { kind: 'account' };
  return undefined;
}

function lastUsedOf(cell: Element): number | null | undefined {
  const time = cell.querySelector('time');
  if (time) return parsePypiTime(time.getAttribute('datetime'));
  return textWithoutMobileLabel(cell) ? null : undefined;
}

function textWithoutMobileLabel(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.table__mobile-label').forEach((label) => label.remove());
  return textOf(copy);
}
