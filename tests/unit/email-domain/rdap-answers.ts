/**
 * RDAP answers shaped like the registries' real ones (RFC 9083 domain objects as Verisign, SIDN
 * and auDA serve them: the same members, nesting and spelling), with dates and statuses the tests
 * choose. Only the fields PyPI Guard reads vary; the rest is there so the parser meets what a
 * registry really sends.
 */

const RDAP_CONFORMANCE = ['rdap_level_0', 'icann_rdap_technical_implementation_guide_1', 'icann_rdap_response_profile_1'];

/** A .com/.net domain at Verisign: upper-case ldhName, ICANN's events, EPP statuses in RDAP spelling. */
export function verisignDomain(name: string, options: { expiresAt: number | null; statuses?: string[]; registeredAt?: number }) {
  const upper = name.toUpperCase();
  const events: { eventAction: string; eventDate: string }[] = [{ eventAction: 'registration', eventDate: iso(options.registeredAt ?? Date.UTC(2015, 2, 3, 10, 11, 12)) }];
  if (options.expiresAt !== null) events.push({ eventAction: 'expiration', eventDate: iso(options.expiresAt) });
  events.push({ eventAction: 'last changed', eventDate: '2025-03-04T08:09:10Z' }, { eventAction: 'last update of RDAP database', eventDate: '2026-11-25T11:58:02Z' });
  return {
    objectClassName: 'domain',
    handle: '1937458722_DOMAIN_COM-VRSN',
    ldhName: upper,
    links: [
      { value: `https://rdap.verisign.com/com/v1/domain/${upper}`, rel: 'self', href: `https://rdap.verisign.com/com/v1/domain/${upper}`, type: 'application/rdap+json' },
      { value: 'https://rdap.example-registrar.test/domain/' + upper, rel: 'related', href: 'https://rdap.example-registrar.test/domain/' + upper, type: 'application/rdap+json' },
    ],
    status: options.statuses ?? ['client transfer prohibited'],
    entities: [
      {
        objectClassName: 'entity',
        handle: '1068',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: '1068' }],
        vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'Example Registrar, Inc.']]],
        entities: [
          {
            objectClassName: 'entity',
            roles: ['abuse'],
            vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', ''], ['tel', { type: 'voice' }, 'uri', 'tel:+1.5555550100'], ['email', {}, 'text', 'abuse@registrar.test']]],
          },
        ],
      },
    ],
    events,
    secureDNS: { delegationSigned: false },
    nameservers: [
      { objectClassName: 'nameserver', ldhName: 'NS1.EXAMPLE-DNS.TEST' },
      { objectClassName: 'nameserver', ldhName: 'NS2.EXAMPLE-DNS.TEST' },
    ],
    rdapConformance: RDAP_CONFORMANCE,
    notices: [
      { title: 'Terms of Use', description: ['Service subject to Terms of Use.'], links: [{ href: 'https://www.verisign.com/domain-names/registration-data-access-protocol/terms-service/index.xhtml', type: 'text/html' }] },
      { title: 'Status Codes', description: ['For more information on domain status codes, please visit https://icann.org/epp'], links: [{ href: 'https://icann.org/epp', type: 'text/html' }] },
    ],
  };
}

/** A .nl domain at SIDN: registration and last-changed events, no expiration event at all. */
export function sidnDomain(name: string) {
  return {
    rdapConformance: ['rdap_level_0', 'icann_rdap_response_profile_1', 'redacted'],
    objectClassName: 'domain',
    handle: name,
    ldhName: name,
    status: ['active'],
    events: [
      { eventAction: 'registration', eventDate: '2009-06-18T00:00:00Z' },
      { eventAction: 'last changed', eventDate: '2024-02-12T12:41:23Z' },
    ],
    nameservers: [{ objectClassName: 'nameserver', ldhName: 'ns1.example-dns.nl' }],
    secureDNS: { delegationSigned: true },
  };
}

/** The answer a registry gives for a name nobody holds (served with HTTP 404). */
export const NOT_FOUND_BODY = { rdapConformance: ['rdap_level_0'], errorCode: 404, title: 'Not Found', description: ['The requested domain was not found in the Registry.'] };

export const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An HTTP answer as a registry sends it. */
export function rdapResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/rdap+json', 'access-control-allow-origin': '*', ...headers } });
}
