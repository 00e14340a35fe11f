/** Small, never-throwing DOM readers shared by the parsers. */

const INNER_RUNS = /\s\s|[\t\n\r\f\v]/;

/** Runs of whitespace collapsed to one space, trimmed. */
export function collapse(text: string): string {
  const trimmed = text.trim();
  return INNER_RUNS.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** Text content with runs of whitespace collapsed, or '' for a missing node. */
export function textOf(node: Node | null | undefined): string {
  return collapse(node?.textContent ?? '');
}

/**
 * PyPI renders every `<time datetime>` as `YYYY-MM-DDTHH:MM:SS+0000` (UTC, Babel's RFC-822 offset;
 * pypi-facts.md §10), which `Date.parse` does not accept everywhere. Read it by hand; also accept
 * `Z` and `+00:00` in case PyPI changes its formatter. Returns epoch ms, or undefined.
 */
export function parsePypiTime(datetime: string | null | undefined): number | undefined {
  const fast = datetime ? parseExactPypiTime(datetime) : undefined;
  if (fast !== undefined) return fast;
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

/**
 * PyPI's exact shape `YYYY-MM-DDTHH:MM:SS+0000`, read digit by digit: long histories hold
 * thousands of these, and this path allocates nothing.
 */
function parseExactPypiTime(value: string): number | undefined {
  if (value.length !== 24 || !value.endsWith('+0000') || value[4] !== '-' || value[7] !== '-' || value[10] !== 'T' || value[13] !== ':' || value[16] !== ':') {
    return undefined;
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The number written by `count` ASCII digits at `from`, or -1 if any is not a digit. */
function digitsAt(value: string, from: number, count: number): number {
  let number = 0;
  for (let index = from; index < from + count; index++) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
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

/**
 * A percent-encoded path segment, decoded; undefined when it is not valid UTF-8 percent-encoding
 * (`%E0`, `%zz`), where `decodeURIComponent` would throw. Page markup is never trusted to be well
 * formed: one bad link must cost that link, not the whole page's snapshot.
 */
export function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** `/user/alice/` → `alice`. */
export function usernameFromProfileHref(href: string | null | undefined): string | undefined {
  const match = /^\/user\/([^/?#]+)\/?$/.exec(href ?? '');
  return match ? asUsername(safeDecode(match[1]!)) : undefined;
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
