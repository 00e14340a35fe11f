import { describe, expect, it } from 'vitest';
import { verifiedEmail } from '@/utils/audit/checks/verified-email';
import { registrableDomain } from '@/utils/audit/facts';
import type { EmailFact } from '@/utils/pypi/snapshot';
import { NOW, seen, state } from '../builders';

const email = (address: string, primary: boolean, verified: boolean): EmailFact => ({ address, primary, verified, status: verified ? 'verified' : 'unverified' });
const withEmails = (...emails: EmailFact[]) => state({ emails: seen(emails) });

describe('verified-email', () => {
  it('fails without a verified primary email', () => {
    expect(verifiedEmail.run(withEmails(email('a@example.org', true, false), email('b@other.net', false, true)), NOW).status).toBe('fail');
  });
  it('warns with no verified backup on another domain', () => {
    expect(verifiedEmail.run(withEmails(email('a@example.org', true, true)), NOW).status).toBe('warn');
    expect(verifiedEmail.run(withEmails(email('a@example.org', true, true), email('b@mail.example.org', false, true)), NOW).status).toBe('warn');
    expect(verifiedEmail.run(withEmails(email('a@example.org', true, true), email('b@other.net', false, false)), NOW).status).toBe('warn');
  });
  it('passes with a verified backup on another domain', () => {
    expect(verifiedEmail.run(withEmails(email('a@example.org', true, true), email('b@other.net', false, true)), NOW)).toMatchObject({
      status: 'pass',
      fix: { url: 'https://pypi.org/manage/account/#account-emails' },
    });
  });
  it('is unknown without data', () => expect(verifiedEmail.run(state({ emails: undefined }), NOW).status).toBe('unknown'));
  it('is unknown, not failed, when the page did not show whether the primary email is verified', () => {
    expect(verifiedEmail.run(withEmails({ address: 'a@example.org', primary: true }), NOW).status).toBe('unknown');
    expect(verifiedEmail.run(withEmails({ address: 'a@example.org' }, email('b@other.net', false, true)), NOW).status).toBe('unknown');
  });
  it.each([
    ['a@mail.example.org', 'example.org'],
    ['a@example.co.uk', 'example.co.uk'],
    ['a@EXAMPLE.ORG', 'example.org'],
    ['a@localhost', 'localhost'],
  ])('registrable domain of %s is %s', (address, domain) => expect(registrableDomain(address)).toBe(domain));
});
