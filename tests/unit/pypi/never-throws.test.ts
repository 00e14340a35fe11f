import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { candidateKinds, detectPage, looksLikePypiDocument, PAGE_DEFINITIONS } from '@/utils/pypi/pages';
import { PAGE_KINDS } from '@/utils/pypi/page-kinds';
import { parsePage } from '@/utils/pypi/parse';
import { parseAccountDetails } from '@/utils/pypi/parse/account-details';
import { isEnglishDocument, parseAccountEvents } from '@/utils/pypi/parse/account-events';
import { parseApiTokens } from '@/utils/pypi/parse/api-tokens';
import { asUsername, collapse, parsePypiTime, safeDecode, signedInUsername, textOf, timeIn, usernameFromProfileHref } from '@/utils/pypi/parse/dom';
import { parseEmails } from '@/utils/pypi/parse/emails';
import { detailsFacts, tagOfSummary } from '@/utils/pypi/parse/event-summaries';
import { parseLoginMethods } from '@/utils/pypi/parse/login-pages';
import { parseProfile } from '@/utils/pypi/parse/profile';
import { parseProfileProjects, parseProjectsPage, parseTokenScopeProjects, projectFromHref } from '@/utils/pypi/parse/projects';
import { readShownRecoveryCodes } from '@/utils/pypi/parse/recovery-codes-page';
import { parseTwoFactorSection } from '@/utils/pypi/parse/two-factor-section';
import { AccountSnapshotSchema } from '@/utils/messages';

const RUNS = { numRuns: 1000 };

/** Percent escapes, good and bad (`%E0` alone is not UTF-8, `%zz` is not hex), and URL punctuation. */
const escapeArbitrary = fc
  .array(fc.oneof(fc.constantFrom('%', '%E0', '%E0%A4', '%C3%A9', '%zz', '%2F', '%00', '%25', 'a', '-', '.', '/', '?', '#', '"', "'"), fc.string({ maxLength: 3 })), { maxLength: 6 })
  .map((parts) => parts.join(''));

/** Links and fields of the shapes the parsers read, around a fuzzed piece. */
const hrefBit = escapeArbitrary.chain((piece) =>
  fc.constantFrom(
    `<a href="/project/${piece}/">p</a>`,
    `<a class="package-snippet" href="/project/${piece}/">p</a>`,
    `<div id="user-indicator"><a href="/user/${piece}/">u</a></div>`,
    `<section id="api-tokens"><table class="table table--api-tokens"><tbody><tr><th>t</th><td><a href="/project/${piece}/">x</a></td><td><time datetime="${piece}">c</time></td><td><time datetime="${piece}">u</time></td></tr></tbody></table></section>`,
    `<select id="token_scope"><option value="scope:project:${piece}">p</option></select>`,
    `<time datetime="${piece}">t</time>`,
    `<form action="${piece}/account/reauthenticate/"><input name="password"></form>`,
  ),
);

// Fragments of real PyPI markup mixed with noise, so the generator reaches deep parser paths.
const PYPI_BITS = [
  '<section id="account-details"><p class="form-group__text">alice</p><time datetime="2024-01-02T03:04:05+0000">x</time><input name="name" value="A"></section>',
  '<section id="account-emails"><table><tr><td class="table__email">a@b.c</td><td><span class="badge">P</span><span class="badge badge--success">V</span></td></tr></table></section>',
  '<section id="account-emails"><table><tr><td class="table__email">a@b.c</td><td><span class="table__status-badges"></span></td></tr></table></section>',
  '<section id="two-factor"><table class="table table--2fa"><thead><tr><th scope="col" colspan="2">R</th></tr></thead><tbody><tr><th scope="row">codes <time datetime="2024-01-01T00:00:00+0000">t</time> (7 unused)</th><td><a href="/manage/account/recovery-codes/regenerate">r</a></td></tr></tbody></table><table class="table table--2fa"><thead><tr><th scope="col" colspan="2">M</th></tr></thead><tbody><tr><th scope="row"><strong>"key"</strong></th><td><a href="/manage/account/totp-provision">Edit</a></td></tr></tbody></table></section>',
  '<section id="api-tokens"><table class="table table--api-tokens"><thead><tr><th>N</th><th>S</th><th>C</th><th colspan="2">L</th></tr></thead><tbody><tr><th>tok</th><td><a href="/project/x/">x</a></td><td><time datetime="bad">c</time></td><td>Never</td><td></td></tr></tbody></table></section>',
  '<section id="api-tokens"><table class="table table--api-tokens"><thead><tr><th>N</th><th>S</th><th>C</th><th colspan="2">L</th></tr></thead><tbody><tr><th>tok</th><td>All projects</td><td><time datetime="2024-01-01T00:00:00+0000">c</time></td><td></td><td></td></tr></tbody></table></section>',
  '<section id="account-events"><table class="table table--security-logs"><tbody><tr><td><strong>Logged in</strong><small>Two factor method: <strong>"k"</strong> -Security device (WebAuthn)</small></td><td><time datetime="2024-05-01T12:34:56+0000">t</time></td><td><span class="table__mobile-label">L</span>Berlin<br><span class="table__mobile-label">D</span>Firefox</td></tr></tbody></table></section>',
  '<section id="account-events"><table class="table table--security-logs"><tbody><tr><td><strong>Role in <a href="/org/x/">x</a> added</strong></td><td><time datetime="2024-05-01T12:34:56+0000">t</time></td><td><span class="table__mobile-label">L</span>Redacted<br><span class="table__mobile-label">D</span>Firefox</td></tr></tbody></table></section>',
  '<div id="user-indicator"><a href="/user/alice/">alice</a></div>',
  '<div id="user-indicator"><a href="/user/%E0/">broken</a></div>',
  '<a class="package-snippet" href="/project/%E0%A4/">broken</a>',
  '<meta name="availableLanguages" content="en, de">',
  '<header class="site-header"></header>',
  '<form id="login-form"><input name="password"></form>',
  '<form id="totp-auth-form"></form><div class="twofa-recovery"><a href="/account/recovery-code/?t">r</a></div>',
  '<form id="webauthn-auth-form"></form>',
  '<form method="post" action="/account/reauthenticate/"><input name="next_route" value="/manage/account/token/"><input name="password"></form>',
  '<form id="reset-password-form"><input name="new_password"></form>',
  '<section id="create-token"></section><section id="provisioned-key"></section>',
  '<div class="recovery-codes__-codes"><ul><li><code>0123456789abcdef</code></li></ul></div>',
  '<div class="author-profile"><h1 class="author-profile__name">A</h1><div class="author-profile__metadiv"><i class="fa-user-circle"></i><span class="break">alice</span></div><div class="author-profile__metadiv"><i class="fa-calendar-alt"></i><time datetime="2020-01-01T00:00:00+0000">j</time></div></div>',
  '<div class="package-snippet"><h3 class="package-snippet__title">proj</h3></div>',
  '<select id="token_scope"><option value="scope:project:p">p</option></select>',
];

const htmlArbitrary = fc
  .tuple(
    fc.oneof(fc.constantFrom('en', 'de', 'ja', ''), escapeArbitrary),
    fc.array(fc.oneof(fc.constantFrom(...PYPI_BITS), hrefBit, fc.string(), fc.constantFrom('<table>', '<tbody>', '<tr>', '</td>', '<br>', '<strong>', '<time datetime="', '"', '<section id="two-factor">')), {
      maxLength: 12,
    }),
  )
  .map(([lang, parts]) => `<html lang="${lang.replace(/"/g, '')}"><body>${parts.join('')}</body></html>`);

const PATHS = [
  '/manage/account/', '/account/login/', '/user/alice/', '/manage/projects/', '/account/two-factor/', '/manage/account/recovery-codes/generate',
  '/manage/account/token/', '/account/reauthenticate/', '/manage/account/totp-provision', '/user/',
];
const urlArbitrary = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.constantFrom('https://pypi.org', 'https://test.pypi.org', 'http://pypi.org'), fc.constantFrom(...PATHS), fc.string()).map(([origin, path, rest]) => `${origin}${path}${encodeURIComponent(rest)}`),
  fc.tuple(fc.constantFrom('https://pypi.org', 'https://test.pypi.org'), fc.constantFrom(...PATHS), escapeArbitrary).map(([origin, path, rest]) => `${origin}${path}${rest}`),
);
const pathArbitrary = fc.oneof(fc.constantFrom(...PATHS), fc.string(), escapeArbitrary);

interface FuzzInput {
  url: URL;
  path: string;
  doc: Document;
  /** A second arbitrary page, as the "English copy" a parser may be handed. */
  otherDoc: Document;
}

/**
 * Every exported reader of utils/pypi/parse/ and every predicate of detectPage, each called
 * directly (no try/catch around it). They share one generated page per run: happy-dom keeps every
 * document it ever parsed, and a document per reader and run would exhaust the test's memory.
 */
const READERS: [string, (input: FuzzInput) => unknown][] = [
  ['detectPage', ({ url, doc }) => expect(PAGE_KINDS).toContain(detectPage(url, doc))],
  ['candidateKinds', ({ url }) => candidateKinds(url)],
  ['looksLikePypiDocument', ({ doc }) => looksLikePypiDocument(doc)],
  ...PAGE_DEFINITIONS.map((definition): [string, (input: FuzzInput) => unknown] => [
    `the ${definition.kind} predicate`,
    ({ path, doc }) => {
      expect(typeof definition.matchesPath(path)).toBe('boolean');
      expect(typeof definition.confirm(doc)).toBe('boolean');
    },
  ]),
  ['parseAccountDetails', ({ doc }) => parseAccountDetails(doc)],
  ['parseAccountEvents', ({ doc }) => parseAccountEvents(doc)],
  ['isEnglishDocument', ({ doc }) => isEnglishDocument(doc)],
  ['parseApiTokens', ({ doc }) => parseApiTokens(doc)],
  ['parseEmails', ({ doc }) => parseEmails(doc)],
  ['parseLoginMethods', ({ doc }) => parseLoginMethods(doc)],
  ['parseProfile', ({ doc }) => parseProfile(doc)],
  ['parseProjectsPage', ({ doc }) => parseProjectsPage(doc)],
  ['parseProfileProjects', ({ doc }) => parseProfileProjects(doc)],
  ['parseTokenScopeProjects', ({ doc }) => parseTokenScopeProjects(doc)],
  ['readShownRecoveryCodes', ({ doc }) => readShownRecoveryCodes(doc, 1_700_000_000_000)],
  ['parseTwoFactorSection', ({ doc }) => parseTwoFactorSection(doc)],
  ['signedInUsername', ({ doc }) => signedInUsername(doc)],
  ['textOf', ({ doc }) => textOf(doc.body)],
  ['timeIn', ({ doc }) => timeIn(doc)],
  // parsePage wraps its readers in a try/catch, so what it must prove is a valid snapshot.
  ...PAGE_KINDS.map((kind): [string, (input: FuzzInput) => unknown] => [
    `parsePage(${kind})`,
    ({ doc, otherDoc }) => {
      for (const englishDoc of [undefined, doc, otherDoc]) {
        const snapshot = parsePage(kind, doc, { host: 'pypi.org', seenAt: 1_700_000_000_000, englishDoc });
        if (snapshot !== null) expect(v.safeParse(AccountSnapshotSchema, snapshot).issues).toBeUndefined();
      }
    },
  ]),
];

/** The string readers, with the kind of input each meets on a page. */
const STRING_PARSERS: [string, (value: string) => unknown][] = [
  ['safeDecode', safeDecode],
  ['usernameFromProfileHref', (value) => usernameFromProfileHref(`/user/${value}/`)],
  ['projectFromHref', (value) => projectFromHref(`/project/${value}/`)],
  ['asUsername', asUsername],
  ['collapse', collapse],
  ['parsePypiTime', parsePypiTime],
  ['tagOfSummary', (value) => [tagOfSummary(value, true), tagOfSummary(value, false)]],
  ['detailsFacts', (value) => {
    const cell = parseHtml(`<table><tr><td>${value}</td></tr></table>`).querySelector('td')!;
    return [detailsFacts('account:login:failure', value, cell), detailsFacts('account:login:success', value, cell), detailsFacts('account:two_factor:method_added', value, cell), detailsFacts('unknown', value, cell)];
  }],
];

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

// A thousand happy-dom documents take seconds on a loaded 2-core machine.
describe('never throws on arbitrary input', { timeout: 300_000 }, () => {
  it(`every page reader and predicate, ${RUNS.numRuns} pages each`, () => {
    const runs = new Map<string, number>();
    fc.assert(
      fc.property(urlArbitrary, pathArbitrary, htmlArbitrary, htmlArbitrary, (url, path, html, otherHtml) => {
        const input: FuzzInput = { url: new URL(url), path, doc: parseHtml(html), otherDoc: parseHtml(otherHtml) };
        for (const [name, reader] of READERS) {
          try {
            reader(input);
          } catch (error) {
            throw new Error(`${name} threw on ${url} with ${html}: ${String(error)}`, { cause: error });
          }
          runs.set(name, (runs.get(name) ?? 0) + 1);
        }
      }),
      RUNS,
    );
    for (const [name] of READERS) expect(runs.get(name), name).toBeGreaterThanOrEqual(RUNS.numRuns);
  });

  it.each(STRING_PARSERS)('%s', (_name, parser) => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), escapeArbitrary), (value) => {
        parser(value);
      }),
      RUNS,
    );
  });

  it('parsePypiTime is a finite time or undefined', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const time = parsePypiTime(value);
        expect(time === undefined || Number.isFinite(time)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('a malformed escape costs the link, not the page', () => {
  const parseDoc = (body: string) => new DOMParser().parseFromString(`<html lang="en"><body>${body}</body></html>`, 'text/html');

  it.each(['%E0', '%E0%A4', '%zz', '%'])('safeDecode(%j) is undefined', (segment) => expect(safeDecode(segment)).toBeUndefined());
  it('safeDecode decodes good escapes', () => expect(safeDecode('caf%C3%A9')).toBe('café'));

  it('a profile link with a bad escape names nobody; the next good one still counts', () => {
    expect(signedInUsername(parseDoc('<div id="user-indicator"><a href="/user/%E0/">x</a><a href="/user/alice/">alice</a></div>'))).toBe('alice');
  });

  it('profile projects skip the bad link and keep the others', () => {
    expect(parseProfileProjects(parseDoc('<a class="package-snippet" href="/project/%E0/">x</a><a class="package-snippet" href="/project/tiny-parser/">t</a>'))).toEqual(['tiny-parser']);
  });

  it('an account page whose token links to /project/%E0/ still yields its snapshot, the tokens unreadable', () => {
    const doc = parseDoc(`
      <div id="user-indicator"><a href="/user/alice/">alice</a></div>
      <section id="account-details"><p class="form-group__text">alice</p></section>
      <section id="account-emails"><table><tbody><tr><td class="table__email">a@example.org</td><td><span class="badge">P</span><span class="badge badge--success">V</span></td></tr></tbody></table></section>
      <section id="api-tokens"><table class="table table--api-tokens"><thead><tr><th>N</th><th>S</th><th>C</th><th colspan="2">L</th></tr></thead><tbody><tr><th>ci</th><td><a href="/project/%E0/">broken</a></td><td><time datetime="2024-01-01T00:00:00+0000">c</time></td><td>Never</td><td></td></tr></tbody></table></section>`);
    const snapshot = parsePage('account-settings', doc, { host: 'pypi.org', seenAt: 1 });
    expect(snapshot).toMatchObject({ username: 'alice', emails: [{ address: 'a@example.org', primary: true, verified: true }] });
    expect(snapshot?.apiTokens).toBeUndefined();
    expect(snapshot?.unreadable).toEqual([{ fact: 'apiTokens', missing: 'token-scope' }]);
  });
});

describe('parsePypiTime', () => {
  it.each([
    ['2025-05-01T12:34:56+0000', Date.UTC(2025, 4, 1, 12, 34, 56)],
    ['2025-05-01T12:34:56Z', Date.UTC(2025, 4, 1, 12, 34, 56)],
    ['2025-05-01T14:34:56+02:00', Date.UTC(2025, 4, 1, 12, 34, 56)],
    ['2025-05-01T12:34:56.123456+0000', Date.UTC(2025, 4, 1, 12, 34, 56)],
  ])('%s', (input, expected) => expect(parsePypiTime(input)).toBe(expected));

  it.each(['', 'yesterday', '2025-13-01T00:00:00+0000', '2025-05-01 12:34:56'])('rejects %j', (input) => {
    expect(parsePypiTime(input)).toBeUndefined();
  });
});
