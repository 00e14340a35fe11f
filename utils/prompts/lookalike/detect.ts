import { decodePunycodeLabel } from './punycode';

/**
 * Host names that imitate pypi.org. Used by the lookalike content script, declared only for a
 * short list of known look-alike domains (LOOKALIKE_MATCH_HOSTS), which confirms each with this
 * classifier before it warns; and, when the user opts in to the check on every site, by the probe
 * that decides on any other host (opt-in.ts) — so it must stay small. Pure; takes a URL host name.
 */

export type LookalikeReason =
  /** "pypi.org" as the start of a longer name: pypi.org.example.net, pypi-org.example. */
  | 'pypi-org-in-name'
  /** The site name one typo away from "pypi", or "pypi" under another top-level domain. */
  | 'typo'
  /** Letters from another script (shown as punycode, xn--) that read as "pypi". */
  | 'homoglyph';

export interface Lookalike {
  hostname: string;
  /** What the user sees: punycode labels decoded. */
  displayName: string;
  reason: LookalikeReason;
}

/**
 * PyPI's hosts, the Python Software Foundation's other PyPI domains, and real neighbours one
 * letter away (PyPy, the Python Packaging Authority): never look-alikes.
 */
const OWN_DOMAINS = ['pypi.org', 'pypi.io', 'python.org', 'pythonhosted.org', 'pypy.org', 'pypa.io'];

/** Public suffixes of two labels that matter for the registrable name (co.uk, com.br…). */
const TWO_LABEL_SUFFIXES = new Set(['co.uk', 'org.uk', 'com.au', 'co.jp', 'com.br', 'co.in', 'com.cn', 'co.nz', 'com.tr', 'co.za']);

/**
 * Characters that render like Latin letters in common fonts (Unicode confusables, the few that
 * matter for "pypi", plus look-alike digits and punctuation).
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ӏ': 'l', 'ү': 'y',
  // Greek
  'ο': 'o', 'ρ': 'p', 'υ': 'y', 'γ': 'y', 'ι': 'i', 'ί': 'i', 'ϊ': 'i', 'ν': 'v',
  // Latin look-alikes
  'ı': 'i', 'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ý': 'y', 'ÿ': 'y', 'ƿ': 'p', 'ℓ': 'l',
  // ASCII that reads as i or o in a URL bar
  '1': 'i', 'l': 'i', '!': 'i', '|': 'i', '0': 'o',
};

/** A label as it reads: decoded, confusables folded, full-width letters narrowed, lower case. */
export function skeleton(label: string): string {
  let folded = '';
  for (const char of label.normalize('NFKC').toLowerCase()) folded += CONFUSABLES[char] ?? char;
  return folded.replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** Damerau–Levenshtein distance, cut off above `limit` (we only care about 0, 1 or more). */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

function isOwnDomain(hostname: string): boolean {
  return OWN_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
}

/** The look-alike a host name is, or null for PyPI itself and for hosts that do not imitate it. */
export function lookalikeOf(rawHostname: string): Lookalike | null {
  const hostname = rawHostname.toLowerCase().replace(/\.$/, '');
  if (!hostname || isOwnDomain(hostname) || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return null;
  const labels = hostname.split('.');
  const decoded = labels.map((label) => decodePunycodeLabel(label) ?? label);
  const displayName = decoded.join('.');
  const readable = decoded.map(skeleton);
  const hasForeignLetters = decoded.some((label, index) => label !== labels[index] || /[^\x00-\x7f]/.test(label));
  const result = (reason: LookalikeReason): Lookalike => ({ hostname, displayName, reason: hasForeignLetters && reason === 'typo' ? 'homoglyph' : reason });

  // "pypi.org" followed by more name: pypi.org.example.net, test.pypi.org.example.net, pypi-org.example.
  if (/(^|[.-])pypi[.-]?org([.-])/.test(readable.join('.'))) return result('pypi-org-in-name');

  // The registrable name (the label before the public suffix) reads as "pypi" or is one edit
  // from it: pypl.org, pyp1.org, pypii.org, рypi.org in Cyrillic, pypi.com.
  const suffixLength = labels.length >= 3 && TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 2 : 1;
  const siteIndex = labels.length - suffixLength - 1;
  if (siteIndex < 0) return null;
  return editDistance(readable[siteIndex]!, 'pypi', 1) <= 1 ? result('typo') : null;
}

/**
 * The look-alike domains the content script is declared for (each also matches its
 * subdomains). A short list keeps the install-time host access narrow; the classifier above
 * decides on each page. Every entry must be classified as a look-alike (unit-tested).
 */
export const LOOKALIKE_MATCH_HOSTS = [
  'pypl.org',
  'pyp1.org',
  'pypj.org',
  'pyqi.org',
  'pypii.org',
  'pyppi.org',
  'pyypi.org',
  'ppypi.org',
  'pypi.com',
  'pypi.net',
  'pypi.co',
  'pypi-org.com',
] as const;

export function lookalikeMatchPatterns(): string[] {
  return LOOKALIKE_MATCH_HOSTS.map((host) => `*://*.${host}/*`);
}
