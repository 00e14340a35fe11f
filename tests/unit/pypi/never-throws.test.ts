import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectPage } from '@/utils/pypi/pages';
import { PAGE_KINDS } from '@/utils/pypi/page-kinds';
import { parsePage } from '@/utils/pypi/parse';
import { parsePypiTime } from '@/utils/pypi/parse/dom';
import { AccountSnapshotSchema } from '@/utils/messages';
import * as v from 'valibot';

// Fragments of real PyPI markup mixed with noise, so the generator reaches deep parser paths.
const PYPI_BITS = [
  '<section id="account-details"><p class="form-group__text">alice</p><time datetime="2024-01-02T03:04:05+0000">x</time><input name="name" value="A"></section>',
  '<section id="account-emails"><table><tr><td class="table__email">a@b.c</td><td><span class="badge">P</span><span class="badge badge--success">V</span></td></tr></table></section>',
  '<section id="two-factor"><table class="table table--2fa"><tr><th>codes <time datetime="2024-01-01T00:00:00+0000">t</time> (7 unused)<a href="/manage/account/recovery-codes/regenerate">r</a></th></tr></table><table class="table table--2fa"><tr><th><strong>"key"</strong></th><td><a href="/manage/account/totp-provision">Edit</a></td></tr></table></section>',
  '<section id="api-tokens"><table class="table table--api-tokens"><tbody><tr><th>tok</th><td><a href="/project/x/">x</a></td><td><time datetime="bad">c</time></td><td>Never</td></tr></tbody></table></section>',
  '<section id="account-events"><table class="table table--security-logs"><tbody><tr><td><strong>Logged in</strong><small>Two factor method: Recovery code</small></td><td><time datetime="2024-05-01T12:34:56+0000">t</time></td><td><span class="table__mobile-label">L</span>Berlin<br><span class="table__mobile-label">D</span>Firefox</td></tr></tbody></table></section>',
  '<div id="user-indicator"><a href="/user/alice/">alice</a></div>',
  '<meta name="availableLanguages" content="en, de">',
  '<header class="site-header"></header>',
  '<form id="login-form"><input name="password"></form>',
  '<form id="totp-auth-form"></form><div class="twofa-recovery"><a href="/account/recovery-code/?t">r</a></div>',
  '<div class="recovery-codes__-codes"><ul><li><code>0123456789abcdef</code></li></ul></div>',
  '<div class="author-profile"><div class="author-profile__metadiv"><i class="fa-user-circle"></i><span class="break">alice</span></div></div>',
  '<div class="package-snippet"><h3 class="package-snippet__title">proj</h3></div>',
  '<select id="token_scope"><option value="scope:project:p">p</option></select>',
];

const htmlArbitrary = fc
  .array(fc.oneof(fc.constantFrom(...PYPI_BITS), fc.string(), fc.constantFrom('<table>', '</td>', '<br>', '<strong>', '<time datetime="', '"')), {
    maxLength: 12,
  })
  .map((parts) => `<html lang="${parts.length % 2 ? 'en' : 'de'}"><body>${parts.join('')}</body></html>`);

const urlArbitrary = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(fc.constantFrom('https://pypi.org', 'https://test.pypi.org'), fc.constantFrom('/manage/account/', '/account/login/', '/user/alice/', '/manage/projects/', '/account/two-factor/', '/manage/account/recovery-codes/generate'), fc.string())
    .map(([origin, path, rest]) => `${origin}${path}${encodeURIComponent(rest)}`),
);

describe('never throws on arbitrary input', () => {
  it('detectPage', () => {
    fc.assert(
      fc.property(urlArbitrary, htmlArbitrary, (url, html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        expect(PAGE_KINDS).toContain(detectPage(new URL(url), doc));
      }),
      { numRuns: 1000 },
    );
  });

  it.each(PAGE_KINDS)('parsePage(%s) returns null or a snapshot the message schema accepts', (kind) => {
    fc.assert(
      fc.property(htmlArbitrary, (html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const snapshot = parsePage(kind, doc, { host: 'pypi.org', seenAt: 1_700_000_000_000, englishDoc: doc });
        if (snapshot !== null) expect(v.safeParse(AccountSnapshotSchema, snapshot).issues).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('parsePypiTime', () => {
    fc.assert(fc.property(fc.string(), (value) => {
      const time = parsePypiTime(value);
      expect(time === undefined || Number.isFinite(time)).toBe(true);
    }), { numRuns: 1000 });
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
