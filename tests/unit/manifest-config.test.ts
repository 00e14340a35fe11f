import { describe, expect, it } from 'vitest';
import config, { CONNECT_SOURCES, extensionPagesCsp } from '../../wxt.config';
import { DATA_COLLECTION } from '@/utils/data-consent';
import { rdapOrigins } from '@/utils/email-domain/bootstrap';

type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, unknown>;
const manifestFor = (browser: 'chrome' | 'firefox') => (config.manifest as unknown as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });

describe('the manifest as configured', () => {
  it('Firefox: declares honestly what leaves the device — project names to PyPI always; the breach prefix and email domains only with consent', () => {
    const gecko = (manifestFor('firefox').browser_specific_settings as { gecko: { data_collection_permissions: { required: string[]; optional: string[] } } }).gecko;
    expect(gecko.data_collection_permissions.required).toEqual(['websiteContent']);
    expect(gecko.data_collection_permissions.required).not.toContain('none');
    expect(gecko.data_collection_permissions.optional).toEqual(['authenticationInfo', 'personallyIdentifyingInfo']);
    expect(DATA_COLLECTION).toEqual({ breachCheck: ['authenticationInfo'], emailDomainCheck: ['personallyIdentifyingInfo'] });
    expect(manifestFor('firefox').incognito).toBe('not_allowed');
  });

  it('Chrome: a minimum version, no private windows, and the CSP built from the one list of servers', () => {
    const chrome = manifestFor('chrome');
    expect(chrome.minimum_chrome_version).toBe('116');
    expect(chrome.incognito).toBe('not_allowed');
    expect(chrome.content_security_policy).toEqual({ extension_pages: extensionPagesCsp() });
    expect(extensionPagesCsp()).toContain(`connect-src ${[...new Set(Object.values(CONNECT_SOURCES).flat())].join(' ')}`);
    // The email-domain check's servers are there, and only HTTPS origins.
    expect(rdapOrigins()).toContain('https://rdap.verisign.com');
    for (const origin of rdapOrigins()) expect(extensionPagesCsp()).toContain(` ${origin}`);
    expect(extensionPagesCsp()).not.toMatch(/http:\/\//);
  });

  it('a service added to the list is all it takes to let the pages reach it', () => {
    expect(extensionPagesCsp({ ...CONNECT_SOURCES, 'RDAP (example)': ['https://rdap.example'] })).toMatch(/connect-src [^;]*https:\/\/rdap\.example$/);
  });
});
