import { PYPI_HOSTS } from './hosts';

/**
 * The PyPI pages the account content script serves: exactly the routes of the page kinds in
 * `pages/` (pypi-facts.md §1). A match pattern's path also covers the query string, so each exact
 * route is listed alone and with `?*`; `*` elsewhere would also catch routes nothing here handles
 * (`/account/logout/`, `/manage/account/publishing/`, `/manage/account/totp-provision/image`…).
 * Routes are written as PyPI serves them: with a trailing slash where PyPI has one (the bare form
 * is only a redirect), without one for the provisioning routes. `/2fa/` and `/u/<name>/` are
 * absent because PyPI redirects them to `/manage/account/two-factor/` and `/user/<name>/`.
 */
export const ACCOUNT_PAGE_PATHS = [
  // Signed out: log in, 2FA step, recovery-code login, register, password reset.
  ...routeAndQuery('/account/login/'),
  ...routeAndQuery('/account/two-factor/'),
  ...routeAndQuery('/account/recovery-code/'),
  ...routeAndQuery('/account/register/'),
  ...routeAndQuery('/account/request-password-reset/'),
  ...routeAndQuery('/account/reset-password/'),
  ...routeAndQuery('/account/confirm-login/'),
  // The re-authentication form's POST target, shown again after a wrong password.
  ...routeAndQuery('/account/reauthenticate/'),
  // Signed in.
  ...routeAndQuery('/manage/account/'),
  ...routeAndQuery('/manage/account/two-factor/'),
  ...routeAndQuery('/manage/account/totp-provision'),
  ...routeAndQuery('/manage/account/webauthn-provision'),
  ...routeAndQuery('/manage/account/recovery-codes/generate'),
  ...routeAndQuery('/manage/account/recovery-codes/regenerate'),
  ...routeAndQuery('/manage/account/recovery-codes/burn'),
  ...routeAndQuery('/manage/account/token/'),
  ...routeAndQuery('/manage/projects/'),
  ...routeAndQuery('/manage/unverified-account/'),
  // `/user/{username}/`: the page kind checks the name itself.
  ...routeAndQuery('/user/*/'),
];

function routeAndQuery(route: string): [string, string] {
  return [route, `${route}?*`];
}

export function matchesFor(paths: readonly string[]): string[] {
  return PYPI_HOSTS.flatMap((host) => paths.map((path) => `https://${host}${path}`));
}

/**
 * Whether a browser would run a content script declared with `pattern` on `url`: the scheme and
 * host match exactly (PyPI Guard never uses host wildcards for PyPI), and the path glob — where
 * `*` is any run of characters, `/` and `?` included — covers the path and query, never the
 * fragment. Handles the `*://*.host/*` form of the look-alike patterns too.
 */
export function matchPatternCovers(pattern: string, url: string | URL): boolean {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  const match = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!match) return pattern === '<all_urls>';
  const [, scheme, host, path] = match as unknown as [string, string, string, string];
  if (scheme === '*' ? !['http:', 'https:'].includes(parsed.protocol) : parsed.protocol !== `${scheme}:`) return false;
  if (host === '*') {
    // any host
  } else if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (parsed.hostname !== base && !parsed.hostname.endsWith(`.${base}`)) return false;
  } else if (parsed.hostname !== host) {
    return false;
  }
  const glob = new RegExp(`^${path.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(`${parsed.pathname}${parsed.search}`);
}
