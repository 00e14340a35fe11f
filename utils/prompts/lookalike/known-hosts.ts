/**
 * The look-alike domains the warning's content script is declared for (each also matches its
 * subdomains). A short list keeps the install-time host access narrow; on any other host the
 * warning comes only with the opt-in check on every site. Every entry must be classified as a
 * look-alike (unit-tested). No imports: the probe and the manifest read this list too.
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
