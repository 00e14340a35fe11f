import bootstrapFile from './iana-rdap-dns.json' with { type: 'json' };

/**
 * IANA's RDAP bootstrap registry for domain names (RFC 9224): which RDAP service answers for each
 * TLD. A verbatim copy of https://data.iana.org/rdap/dns.json lives next to this file, so no
 * lookup depends on reaching IANA; `npm run rdap:refresh` (scripts/refresh-rdap-bootstrap.ts)
 * replaces it with IANA's current file. Its `publication` field is its date.
 */

interface BootstrapFile {
  version: string;
  publication: string;
  services: [string[], string[]][];
}

// JSON imports are typed loosely (`string[][][]`); the shape is RFC 9224 §4 and the refresh script checks it.
const bootstrap = bootstrapFile as unknown as BootstrapFile;

/** When IANA published the copy in the project (ISO 8601, UTC). */
export const RDAP_BOOTSTRAP_PUBLICATION = bootstrap.publication;

const BASE_URLS_BY_TLD: ReadonlyMap<string, readonly string[]> = new Map(
  bootstrap.services.flatMap(([tlds, urls]) => tlds.map((tld) => [tld.toLowerCase(), urls] as const)),
);

/**
 * The RDAP base URL for a domain's TLD, or null when IANA lists none. RFC 9224 §3 lets a client
 * pick any URL of the service and prefers HTTPS; a service listed over HTTP only is asked over
 * HTTPS all the same, so the domain name never travels in clear text (if it has no HTTPS, the
 * lookup fails and says so).
 */
export function rdapBaseUrlFor(domain: string): string | null {
  const tld = domain.slice(domain.lastIndexOf('.') + 1).toLowerCase();
  const urls = BASE_URLS_BY_TLD.get(tld);
  if (!urls || urls.length === 0) return null;
  const base = urls.find((url) => url.startsWith('https://')) ?? urls[0]!.replace(/^http:/, 'https:');
  return base.endsWith('/') ? base : `${base}/`;
}

/** Every origin an RDAP lookup can reach (for a Content-Security-Policy `connect-src`). */
export function rdapOrigins(): string[] {
  const origins = new Set<string>();
  for (const urls of BASE_URLS_BY_TLD.values()) for (const url of urls) origins.add(new URL(url.replace(/^http:/, 'https:')).origin);
  return [...origins].sort();
}
