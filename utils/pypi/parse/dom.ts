/** Small, never-throwing DOM readers shared by the parsers. */

/** Text content with runs of whitespace collapsed, or '' for a missing node. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * PyPI renders every `<time datetime>` as `YYYY-MM-DDTHH:MM:SS+0000` (UTC, Babel's RFC-822 offset;
 * pypi-facts.md §10), which `Date.parse` does not accept everywhere. Read it by hand; also accept
 * `Z` and `+00:00` in case PyPI changes its formatter. Returns epoch ms, or undefined.
 */
export function parsePypiTime(datetime: string | null | undefined): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec((datetime ?? '').trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, zone] = match.map((part) => part ?? '');
  let time = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(time) && +month! >= 1 && +month! <= 12 ? time : undefined;
}

/** The first `<time datetime>` inside `root`, as epoch ms. */
export function timeIn(root: ParentNode | null | undefined): number | undefined {
  return parsePypiTime(root?.querySelector('time[datetime]')?.getAttribute('datetime'));
}

// PyPI's username rule (pypi-facts.md §7).
const USERNAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,48}[a-zA-Z0-9])?$/;

export function asUsername(value: string | null | undefined): string | undefined {
  const trimmed = (value ?? '').trim();
  return USERNAME.test(trimmed) ? trimmed : undefined;
}

/** `/user/alice/` → `alice`. */
export function usernameFromProfileHref(href: string | null | undefined): string | undefined {
  const match = /^\/user\/([^/?#]+)\/?$/.exec(href ?? '');
  return match ? asUsername(decodeURIComponent(match[1]!)) : undefined;
}

/**
 * The signed-in user's name from the header's user menu — a client-side include that arrives
 * after load (pypi-facts.md §2b); its profile link is the locale-independent marker.
 */
export function signedInUsername(doc: Document): string | undefined {
  for (const link of doc.querySelectorAll('#user-indicator a[href^="/user/"]')) {
    const username = usernameFromProfileHref(link.getAttribute('href'));
    if (username) return username;
  }
  return undefined;
}

/**
 * Bare text that follows each `span.table__mobile-label` in a cell, up to the next label or
 * `<br>` (PyPI's location and device cells have no wrapping element).
 */
export function textsAfterLabels(cell: Element): string[] {
  const values: string[] = [];
  let current: string[] | null = null;
  for (const node of cell.childNodes) {
    const element = node.nodeType === 1 ? (node as Element) : null;
    if (element?.matches('span.table__mobile-label')) {
      if (current) values.push(current.join(' ').replace(/\s+/g, ' ').trim());
      current = [];
    } else if (element?.tagName === 'BR') {
      if (current) values.push(current.join(' ').replace(/\s+/g, ' ').trim());
      current = null;
    } else if (current) {
      current.push(node.textContent ?? '');
    }
  }
  if (current) values.push(current.join(' ').replace(/\s+/g, ' ').trim());
  return values;
}
