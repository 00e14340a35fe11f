import type { ApiTokenFact } from '../snapshot';
import { parsePypiTime, textOf } from './dom';
import { projectFromHref } from './projects';

/**
 * The API tokens table in `section#api-tokens` (columns Name, Scope, Created, Last used; §3).
 * Scope: links to `/project/<name>/` mean project-scoped, none means "All projects" (that text is
 * translated, the links are not). Last used: a `<time>`, or no time at all for "Never".
 * Returns [] when the section shows no table, undefined when the section is absent.
 */
export function parseApiTokens(doc: Document): ApiTokenFact[] | undefined {
  const section = doc.querySelector('section#api-tokens');
  if (!section) return undefined;
  const tokens: ApiTokenFact[] = [];
  for (const row of section.querySelectorAll('table.table--api-tokens tbody tr')) {
    const nameCell = row.querySelector('th');
    const cells = [...row.querySelectorAll('td')];
    if (!nameCell || cells.length < 3) continue;
    const name = textWithoutMobileLabel(nameCell);
    const projects = [...cells[0]!.querySelectorAll('a[href^="/project/"]')]
      .map((link) => projectFromHref(link.getAttribute('href')))
      .filter((project): project is string => Boolean(project));
    const createdAt = parsePypiTime(cells[1]!.querySelector('time[datetime]')?.getAttribute('datetime'));
    const lastUsed = cells[2]!.querySelector('time[datetime]');
    tokens.push({
      name,
      scope: projects.length > 0 ? { kind: 'projects', projects } : { kind: 'account' },
      ...(createdAt !== undefined && { createdAt }),
      lastUsedAt: lastUsed ? (parsePypiTime(lastUsed.getAttribute('datetime')) ?? null) : null,
    });
  }
  return tokens;
}

function textWithoutMobileLabel(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.table__mobile-label').forEach((label) => label.remove());
  return textOf(copy).slice(0, 512);
}
