import punycode from 'punycode.js';
import { parse } from 'tldts';
import unhomoglyph from 'unhomoglyph';
import { editDistance, PYPI_SKELETON } from './screen';

/**
 * Host names that imitate pypi.org. Run by the look-alike warning on its own page, and by the
 * background on the URL of every page that reports itself (never on anything the page says).
 * Leans on kept libraries for the parts that are easy to get wrong by hand:
 * - `punycode.js` decodes `xn--` labels to what the address bar shows (RFC 3492 / 5891);
 * - `tldts` finds the registrable domain with the full Public Suffix List (`co.uk`, `github.io`…);
 * - `unhomoglyph` carries Unicode's own confusables table (UTS #39 `confusables.txt`), from which
 *   the skeleton below is built as UTS #39 defines it: NFD, map each character, NFD again.
 * Too heavy for the probe that runs on every site: that uses screen.ts, a superset of this.
 */

export type LookalikeReason =
  /** "pypi.org" followed by more name: pypi.org.example.net, pypi-org.example. */
  | 'pypi-org-in-name'
  /** The site's own name one typo away from "pypi", or "pypi" under another ending: pypl.org, pypi.com. */
  | 'typo'
  /** Letters from another script that read as "pypi" (shown as xn-- in the raw address). */
  | 'homoglyph'
  /** "pypi" as a label or joined to other words, on a site that is not PyPI's: pypi.example.com, secure-pypi.org. */
  | 'pypi-in-name';

export interface Lookalike {
  hostname: string;
  /** What the user sees: punycode labels decoded. */
  displayName: string;
  /** The registrable domain (eTLD+1), ASCII: the "site" a choice to continue is remembered for. */
  site: string;
  reason: LookalikeReason;
}

/**
 * PyPI's hosts (pypi.org, test.pypi.org, files.pythonhosted.org, pypi.python.org), the Python
 * Software Foundation's other PyPI domains, and real neighbours one letter away (PyPy, the
 * Python Packaging Authority): never look-alikes, whatever the subdomain.
 */
const OWN_DOMAINS = ['pypi.org', 'pypi.io', 'python.org', 'pythonhosted.org', 'pypy.org', 'pypa.io'];

/** UTS #39 skeleton of a lower-case label: NFD, confusables mapped to their prototypes, NFD. */
export function skeleton(label: string): string {
  return unhomoglyph(label.normalize('NFD')).normalize('NFD');
}

function isOwnDomain(hostname: string): boolean {
  return OWN_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
}

/** A label as the address bar shows it: decoded when it is punycode, itself when it does not decode. */
function decodeLabel(label: string): string {
  if (!label.startsWith('xn--')) return label;
  try {
    return punycode.toUnicode(label).toLowerCase();
  } catch {
    return label;
  }
}

/** The look-alike a host name is, or null for PyPI itself and for hosts that do not imitate it. */
export function lookalikeOf(rawHostname: string): Lookalike | null {
  const hostname = rawHostname.toLowerCase().replace(/\.$/, '');
  if (!hostname || isOwnDomain(hostname) || hostname.includes(':')) return null;
  const parsed = parse(hostname, { allowPrivateDomains: true });
  if (parsed.isIp || !parsed.domain || !parsed.domainWithoutSuffix) return null;

  const labels = hostname.split('.');
  const decoded = labels.map(decodeLabel);
  const readable = decoded.map(skeleton);
  const isForeign = (index: number) => decoded[index] !== labels[index] || /[^\x00-\x7f]/.test(decoded[index]!);
  const displayName = decoded.join('.');
  const found = (reason: LookalikeReason): Lookalike => ({ hostname, displayName, site: parsed.domain!, reason });

  // "pypi.org" followed by more name: pypi.org.example.net, test.pypi.org.login.example, pypi-org.com.
  if (/(^|[.-])pypi[.-]?org[.-]/.test(readable.join('.'))) {
    return found(readable.some((label, index) => label.includes(PYPI_SKELETON) && isForeign(index)) ? 'homoglyph' : 'pypi-org-in-name');
  }

  // The site's own name (the label before the public suffix) reads as "pypi" or is one edit
  // from it: pypl.org, pyp1.org, pypii.org, рypi.org in Cyrillic, pypi.com.
  const siteIndex = labels.length - parsed.domain.split('.').length;
  const siteLabel = readable[siteIndex]!;
  if (editDistance(siteLabel, PYPI_SKELETON, 1) <= 1) return found(isForeign(siteIndex) ? 'homoglyph' : 'typo');

  // "pypi" as any label, or joined to other words: pypi.example.com, pypi-login.com, secure-pypi.org.
  const named = readable.findIndex((label) => label.includes(PYPI_SKELETON));
  if (named >= 0) return found(isForeign(named) ? 'homoglyph' : 'pypi-in-name');
  return null;
}
