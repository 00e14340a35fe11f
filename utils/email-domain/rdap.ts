import { rdapBaseUrlFor } from './bootstrap';
import type { RdapAnswer, RdapFailure } from './types';

/**
 * One RDAP domain lookup (RFC 9082 query, RFC 9083 answer) from the background. The request
 * carries the domain name and nothing else: no cookie or other credential, no referrer, no
 * address, no username.
 */

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type LookupResult = { ok: true; answer: RdapAnswer } | { ok: false; failure: RdapFailure; retryAfterMs?: number };

/** A registry that has not answered by then is treated as unreachable for this attempt. */
export const LOOKUP_TIMEOUT_MS = 15_000;

/** The request options every lookup uses (and the tests check). */
export const RDAP_REQUEST_INIT: RequestInit = {
  method: 'GET',
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  // `Accept` is a CORS-safelisted header: the request stays "simple", with no pre-flight.
  headers: { Accept: 'application/rdap+json, application/json' },
};

export function rdapDomainUrl(baseUrl: string, domain: string): string {
  return `${baseUrl}domain/${encodeURIComponent(domain)}`;
}

/** Looks a registrable domain up at its registry's RDAP service. Never throws. */
export async function lookUpDomain(domain: string, fetchFn: FetchLike, now: number): Promise<LookupResult> {
  const base = rdapBaseUrlFor(domain);
  if (!base) return { ok: true, answer: { kind: 'no-rdap', tld: domain.slice(domain.lastIndexOf('.') + 1), answeredAt: now } };
  const url = rdapDomainUrl(base, domain);
  const server = new URL(url).host;
  const fail = (reason: RdapFailure['reason'], status?: number, retryAfterMs?: number): LookupResult => ({
    ok: false,
    failure: { reason, at: now, server, ...(status !== undefined && { status }) },
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });

  let response: Response;
  try {
    response = await fetchFn(url, { ...RDAP_REQUEST_INIT, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
  } catch {
    // A network error and a CORS refusal look the same to a script: a TypeError without detail.
    return fail('network');
  }
  if (response.status === 404) return { ok: true, answer: { kind: 'not-registered', answeredAt: now } };
  if (response.status === 429) return fail('rate-limited', 429, retryAfterMs(response.headers.get('retry-after'), now));
  if (!response.ok) return fail('server-error', response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fail('bad-answer', response.status);
  }
  // Some servers answer an unknown name with a 200 carrying an RDAP error object.
  if (isRecord(body) && body.errorCode === 404) return { ok: true, answer: { kind: 'not-registered', answeredAt: now } };
  const registration = parseRdapDomain(body);
  return registration ? { ok: true, answer: { kind: 'registered', ...registration, answeredAt: now } } : fail('bad-answer', response.status);
}

/**
 * The facts the check needs from an RDAP domain object: the `expiration` event (RFC 9083 §4.5;
 * registries that publish none, such as several country-code ones, leave it out) and the status
 * values (RFC 9083 §10.2.2, e.g. `redemption period`, `pending delete`), lower-cased. Null when
 * the object is not a domain.
 */
export function parseRdapDomain(body: unknown): { expiresAt: number | null; statuses: string[] } | null {
  if (!isRecord(body)) return null;
  const isDomain = body.objectClassName === 'domain' || (body.objectClassName === undefined && typeof body.ldhName === 'string');
  if (!isDomain) return null;
  const statuses = Array.isArray(body.status) ? body.status.filter((value): value is string => typeof value === 'string').map((value) => value.trim().toLowerCase()) : [];
  let expiresAt: number | null = null;
  for (const event of Array.isArray(body.events) ? body.events : []) {
    if (!isRecord(event) || typeof event.eventAction !== 'string' || typeof event.eventDate !== 'string') continue;
    if (event.eventAction.trim().toLowerCase() !== 'expiration') continue;
    const time = Date.parse(event.eventDate);
    if (Number.isFinite(time)) expiresAt = expiresAt === null ? time : Math.min(expiresAt, time);
  }
  return { expiresAt, statuses };
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
