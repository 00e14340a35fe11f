/**
 * What PyPI Guard keeps about one email domain (the `emailDomains` store): the registry's last
 * answer and when to ask again. Only the domain's own public registration facts: never an
 * address, never a username (the `hosts` are the part after the `@`, as PyPI showed them).
 */
export interface EmailDomainRecord {
  /** The registrable domain, as the registry knows it: `example.co.uk` for `mail.example.co.uk`. */
  domain: string;
  /** The mail hosts (after the `@`) of the stored accounts' addresses that belong to this domain. */
  hosts: string[];
  /** The last answer; kept when a later attempt fails, so a network error forgets nothing. */
  answer?: RdapAnswer;
  /** Why the last attempt failed; absent once an attempt is answered. */
  failure?: RdapFailure;
  /** Attempts that failed in a row (for the back-off). */
  failures: number;
  lastAttemptAt?: number;
  /** No request for this domain before this time. */
  nextCheckAt: number;
}

export type RdapAnswer =
  /** The registry knows the domain. `expiresAt`: its `expiration` event, null when it shows none. */
  | { kind: 'registered'; expiresAt: number | null; statuses: string[]; answeredAt: number }
  /** The registry answered 404: nobody holds the domain, anyone can register it. */
  | { kind: 'not-registered'; answeredAt: number }
  /** IANA's bootstrap file names no RDAP service for the TLD: decided on the device, nothing sent. */
  | { kind: 'no-rdap'; tld: string; answeredAt: number }
  /** Not a domain anyone registers (`localhost`, a bare TLD): decided on the device. */
  | { kind: 'not-public'; answeredAt: number };

export type RdapFailureReason =
  /** No answer: offline, the server down, or a server that does not allow lookups from a browser (CORS). */
  | 'network'
  /** 429: the registry limits how often it answers. */
  | 'rate-limited'
  /** Any other status (5xx, 403…). */
  | 'server-error'
  /** A 200 that is not an RDAP domain object. */
  | 'bad-answer';

export interface RdapFailure {
  reason: RdapFailureReason;
  at: number;
  /** The RDAP server's host, to name it to the user. */
  server: string;
  /** HTTP status, when there was one. */
  status?: number;
}
