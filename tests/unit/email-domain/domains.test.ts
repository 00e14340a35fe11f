import { describe, expect, it } from 'vitest';
import { LARGE_MAIL_PROVIDERS, largeMailProviderOf, mailHostOf } from '@/utils/email-domain/mail-providers';
import { registrableDomainOf } from '@/utils/email-domain/registrable-domain';

describe('registrableDomainOf (Public Suffix List through tldts)', () => {
  it.each([
    ['example.org', 'example.org'],
    ['mail.example.org', 'example.org'],
    ['mail.example.co.uk', 'example.co.uk'],
    ['a.b.example.com.au', 'example.com.au'],
    ['lists.example.ac.jp', 'example.ac.jp'],
    ['example.xn--p1ai', 'example.xn--p1ai'],
    // Private suffixes do not count: the registry holds github.io, not alice's name under it.
    ['alice.github.io', 'github.io'],
  ])('%s → %s', (host, domain) => expect(registrableDomainOf(host)).toBe(domain));

  it.each(['localhost', 'co.uk', 'com', '192.0.2.1', 'example.invalid', 'printer.local'])('%s is no registrable domain', (host) => {
    expect(registrableDomainOf(host)).toBeNull();
  });
});

describe('mailHostOf', () => {
  it.each([
    ['alice@Example.ORG', 'example.org'],
    ['alice@mail.example.org.', 'mail.example.org'],
    ['alice@bücher.example', 'xn--bcher-kva.example'],
    ['"a@b"@example.org', 'example.org'],
  ])('%s → %s', (address, host) => expect(mailHostOf(address)).toBe(host));
  it.each(['alice', 'alice@', 'alice@exa mple.org', 'alice@[192.0.2.1]'])('%s has no mail host', (address) => expect(mailHostOf(address)).toBeNull());
});

describe('large mail providers', () => {
  it.each([
    ['gmail.com', 'Google'],
    ['googlemail.com', 'Google'],
    ['outlook.com', 'Microsoft'],
    ['hotmail.co.uk', 'Microsoft'],
    ['outlook.com.br', 'Microsoft'],
    ['yahoo.co.jp', 'Yahoo'],
    ['proton.me', 'Proton'],
    ['pm.me', 'Proton'],
    ['icloud.com', 'Apple'],
    ['gmx.de', 'GMX'],
    // Subdomains of a provider's domain are the provider's.
    ['eu.mail.gmail.com', 'Google'],
  ])('%s belongs to %s', (host, provider) => expect(largeMailProviderOf(host)).toBe(provider));

  it.each([
    'example.org',
    // Look-alikes and unlisted "country variants" are anybody's.
    'gmail.co',
    'yahoo.xyz',
    'notgmail.com',
    'gmail.com.example.org',
    // ISPDB lists these in Google's and Yahoo's files because those providers host their mail; they can lapse.
    'jazztel.es',
    'cox.net',
    // mail.com's vanity domains are checked like any other.
    'toke.com',
  ])('%s is not a large provider', (host) => expect(largeMailProviderOf(host)).toBeNull());

  it('lists each domain once, lower-case, as a registrable name', () => {
    const all = Object.values(LARGE_MAIL_PROVIDERS).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const domain of all) {
      expect(domain, domain).toBe(domain.toLowerCase());
      expect(domain, domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });
});
