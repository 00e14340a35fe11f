/** The only hosts PyPI Guard reads or acts on. Everything else is "not PyPI". */
export const PYPI_HOSTS = ['pypi.org', 'test.pypi.org'] as const;
export type PypiHost = (typeof PYPI_HOSTS)[number];

export function isPypiHost(host: string): host is PypiHost {
  return (PYPI_HOSTS as readonly string[]).includes(host);
}

/** The PyPI host of a URL served over HTTPS, or null for anything else. */
export function pypiHostOf(url: URL | string): PypiHost | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  return isPypiHost(parsed.hostname) ? parsed.hostname : null;
}
