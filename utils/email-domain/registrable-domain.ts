import { parse } from 'tldts';

/**
 * The registrable domain of a mail host, the name a registry holds: `example.co.uk` for
 * `mail.example.co.uk`, from the Public Suffix List (through `tldts`, which ships it). Only the
 * list's ICANN section counts (tldts's default): a registry answers for `github.io`, not for a
 * name someone made under it. Null when the host is no registrable name (`localhost`, an IP
 * address, a bare suffix such as `co.uk`).
 *
 * Background only: the list is 130 KB of code, which the popup does not need (the background
 * stores the mapping in each domain's record).
 */
export function registrableDomainOf(host: string): string | null {
  const parsed = parse(host);
  if (parsed.isIp || !parsed.domain || !parsed.isIcann) return null;
  return parsed.domain;
}
