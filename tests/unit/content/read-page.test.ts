import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAccountPage, typedLoginUsername, USER_MENU_TIMEOUT_MS, type ReadPageDeps } from '@/utils/content/read-page';
import { createFakePypi, type FakePypi } from '../../fixtures/pypi/server';
import { scenarioAccount } from '../../fixtures/pypi/accounts';
import type { LocaleId } from '../../fixtures/pypi/types';

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A PyPI page as the content script first sees it: the header's user menu not yet filled in. */
function pageOf(fake: FakePypi, path: string): { url: URL; doc: Document } {
  const url = new URL(`https://${fake.host}${path}`);
  return { url, doc: parse(fake.handle({ method: 'GET', url: url.href, headers: {} }).body) };
}

/** What PyPI's html-include script does once the include answers: fills in the user menu. */
function fillUserMenu(fake: FakePypi, doc: Document): void {
  const menu = parse(fake.handle({ method: 'GET', url: `https://${fake.host}/_includes/authed/current-user-indicator/`, headers: {} }).body).body;
  doc.querySelector('[data-html-include="/_includes/authed/current-user-indicator/"]')!.replaceChildren(...menu.childNodes);
}

/** fetchHtml answered from the same fake, recording each path asked for. */
function fetchFrom(fake: FakePypi, answer?: (path: string) => string | null) {
  const paths: string[] = [];
  const fetchHtml = vi.fn(async (path: string) => {
    paths.push(path);
    if (answer) return answer(path);
    const response = fake.handle({ method: 'GET', url: `https://${fake.host}${path}`, headers: {} });
    return response.status === 200 ? response.body : null;
  });
  return { fetchHtml, paths };
}

const deps = (overrides: Partial<ReadPageDeps> = {}): ReadPageDeps => ({ now: () => NOW.getTime(), fetchHtml: async () => null, ...overrides });

const fakeAt = (scenario: NonNullable<Parameters<typeof createFakePypi>[0]>['scenario'], locale: LocaleId = 'en') => createFakePypi({ scenario, locale, now: () => NOW });

describe('readAccountPage: the late user menu', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('waits for the menu a signed-in page needs, then attributes the page', async () => {
    const fake = fakeAt('totp-and-key');
    const { url, doc } = pageOf(fake, '/manage/account/two-factor/');
    let done = false;
    const reading = readAccountPage(url, doc, deps()).then((result) => ((done = true), result));
    await vi.advanceTimersByTimeAsync(800);
    expect(done).toBe(false); // still waiting: the page alone does not say whose it is
    fillUserMenu(fake, doc);
    const { kind, snapshot } = await reading;
    expect(kind).toBe('two-factor-settings');
    expect(snapshot).toMatchObject({ username: 'alice', twoFactor: { totp: true, securityKeys: ['YubiKey 5C'] } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it(`reads the page without it after ${USER_MENU_TIMEOUT_MS} ms when it never comes: nothing is attributed`, async () => {
    const fake = fakeAt('totp-only');
    const { url, doc } = pageOf(fake, '/manage/projects/');
    let result: Awaited<ReturnType<typeof readAccountPage>> | undefined;
    void readAccountPage(url, doc, deps()).then((value) => (result = value));
    await vi.advanceTimersByTimeAsync(USER_MENU_TIMEOUT_MS - 1);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toEqual({ kind: 'projects', snapshot: null });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops waiting when the content script is invalidated (abort signal)', async () => {
    const fake = fakeAt('totp-only');
    const { url, doc } = pageOf(fake, '/manage/projects/');
    const controller = new AbortController();
    const reading = readAccountPage(url, doc, deps({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(50);
    controller.abort();
    await expect(reading).resolves.toEqual({ kind: 'projects', snapshot: null });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not wait on account settings, which names the user itself', async () => {
    const fake = fakeAt('totp-only');
    const { url, doc } = pageOf(fake, '/manage/account/');
    const { snapshot } = await readAccountPage(url, doc, deps());
    expect(snapshot?.username).toBe('alice');
  });

  it('reads nothing and waits for nothing on other hosts or pages nobody handles', async () => {
    const fake = fakeAt('totp-only');
    const { doc } = pageOf(fake, '/manage/account/');
    const fetchHtml = vi.fn(async () => null);
    expect(await readAccountPage(new URL('https://pypi.org.evil.example/manage/account/'), doc, deps({ fetchHtml }))).toEqual({ kind: 'other', snapshot: null });
    const home = pageOf(fake, '/');
    expect(await readAccountPage(home.url, home.doc, deps({ fetchHtml }))).toEqual({ kind: 'other', snapshot: null });
    expect(fetchHtml).not.toHaveBeenCalled();
  });
});

describe('readAccountPage: the English copy of a page in another language', () => {
  it('is fetched once, with ?_LOCALE_=en, and maps every history row', async () => {
    const fake = fakeAt('suspicious-history', 'de');
    const { url, doc } = pageOf(fake, '/manage/account/');
    const { fetchHtml, paths } = fetchFrom(fake);
    const { snapshot } = await readAccountPage(url, doc, deps({ fetchHtml }));
    expect(paths).toEqual(['/manage/account/?_LOCALE_=en']);
    expect(snapshot?.securityEvents?.length).toBeGreaterThan(10);
    expect(snapshot?.securityEvents?.filter((event) => event.tag === 'unknown')).toEqual([]);
    expect(snapshot?.apiTokens?.[0]).toMatchObject({ name: 'laptop uploads', scope: { kind: 'account' } });
  });

  it('a failed fetch still gives the snapshot, with rows left unmapped rather than guessed', async () => {
    const fake = fakeAt('suspicious-history', 'de');
    const { url, doc } = pageOf(fake, '/manage/account/');
    const { fetchHtml } = fetchFrom(fake, () => null);
    const { snapshot } = await readAccountPage(url, doc, deps({ fetchHtml }));
    expect(fetchHtml).toHaveBeenCalledTimes(1);
    expect(snapshot).toMatchObject({ username: 'alice', locale: 'de', twoFactor: { totp: true } });
    const tags = new Set(snapshot?.securityEvents?.map((event) => event.tag));
    expect([...tags].sort()).toEqual(['account:alternate_repository:add', 'account:login:new_device', 'unknown']); // only the raw tags PyPI prints
    // A token's scope needs no English: words without a project link are the whole account.
    expect(snapshot?.apiTokens?.[0]).toMatchObject({ name: 'laptop uploads', scope: { kind: 'account' } });
  });

  it('rejects a copy that is not in English', async () => {
    const fake = fakeAt('suspicious-history', 'de');
    const { url, doc } = pageOf(fake, '/manage/account/');
    // The locale parameter was ignored: the same page comes back in German.
    const { fetchHtml } = fetchFrom(fake, () => fake.handle({ method: 'GET', url: 'https://pypi.org/manage/account/', headers: {} }).body);
    const { snapshot } = await readAccountPage(url, doc, deps({ fetchHtml }));
    expect(snapshot?.securityEvents?.some((event) => event.tag === 'account:login:success')).toBe(false);
    expect(snapshot?.securityEvents?.[1]?.summary).toBe('Angemeldet');
  });

  it('rejects an English copy of another page (a redirect to the login form, another account page)', async () => {
    const fake = fakeAt('suspicious-history', 'de');
    const { url, doc } = pageOf(fake, '/manage/account/');
    for (const other of ['/account/login/', '/manage/account/two-factor/']) {
      const english = createFakePypi({ scenario: 'suspicious-history', locale: 'en', now: () => NOW, loggedIn: other !== '/account/login/' });
      const { fetchHtml } = fetchFrom(fake, () => english.handle({ method: 'GET', url: `https://pypi.org${other}`, headers: {} }).body);
      const { snapshot } = await readAccountPage(url, doc, deps({ fetchHtml }));
      expect(snapshot?.securityEvents?.some((event) => event.tag === 'account:login:success'), other).toBe(false);
    }
  });

  it("is not fetched for a token scope in words: the scope is read in the page's own language", async () => {
    const fake = createFakePypi({ scenario: { ...scenarioAccount('api-tokens', NOW), events: [] }, locale: 'ja', now: () => NOW });
    const { url, doc } = pageOf(fake, '/manage/account/');
    const { fetchHtml } = fetchFrom(fake);
    const { snapshot } = await readAccountPage(url, doc, deps({ fetchHtml }));
    expect(fetchHtml).not.toHaveBeenCalled();
    expect(snapshot?.apiTokens?.find((token) => token.name === 'laptop uploads')?.scope).toEqual({ kind: 'account' });
  });

  it('is not fetched for an English page, or for one with nothing only English tells', async () => {
    const english = fakeAt('suspicious-history', 'en');
    const emptyGerman = fakeAt('empty-history', 'de');
    for (const fake of [english, emptyGerman]) {
      const { url, doc } = pageOf(fake, '/manage/account/');
      const { fetchHtml } = fetchFrom(fake);
      const { snapshot } = await readAccountPage(url, doc, deps({ fetchHtml }));
      expect(snapshot?.username).toBe('alice');
      expect(fetchHtml).not.toHaveBeenCalled();
    }
  });
});

describe('typedLoginUsername', () => {
  const form = (value: string) => {
    const doc = parse(`<form id="login-form"><input name="username" value=""><input name="password" value="secret"></form>`);
    doc.querySelector<HTMLInputElement>('input[name="username"]')!.value = value;
    return doc.querySelector<HTMLFormElement>('form')!;
  };

  it('reads the username as typed, trimmed, and never the password', () => {
    expect(typedLoginUsername(form('  ALICE '))).toBe('ALICE');
    expect(typedLoginUsername(form('bob.smith'))).toBe('bob.smith');
  });

  it.each(['', 'a@example.org', '-alice', 'x'.repeat(51), '<script>'])('refuses %j, which PyPI would not accept as a username', (value) => {
    expect(typedLoginUsername(form(value))).toBeNull();
  });
});

describe('readAccountPage: a history stored already (the cursor)', () => {
  /** The background's answer: the newest row stored, as the store's merge sets it. */
  const storedUpTo = (events: { time: number }[] | undefined) => Math.max(...(events ?? []).map((event) => event.time));

  it('asks for the account named on the page, and reads only the rows after the stored ones', async () => {
    const fake = fakeAt('suspicious-history', 'en');
    const { url, doc } = pageOf(fake, '/manage/account/');
    const first = (await readAccountPage(url, doc, deps())).snapshot;
    expect(first).toMatchObject({ historyReadInEnglish: true });
    const rows = first!.securityEvents!;
    expect(rows.length).toBeGreaterThan(3);

    // As if only the three oldest rows had been stored: the rest are new.
    const cursorAt = rows[rows.length - 3]!.time;
    const historyCursor = vi.fn(async () => cursorAt);
    const second = (await readAccountPage(url, doc, deps({ historyCursor }))).snapshot;
    expect(historyCursor).toHaveBeenCalledWith('alice');
    expect(second?.securityEvents).toEqual(rows.filter((event) => event.time > cursorAt));

    // Everything stored: nothing is read, though the visit still counts as a view of the history.
    const third = (await readAccountPage(url, doc, deps({ historyCursor: async () => storedUpTo(rows) }))).snapshot;
    expect(third?.securityEvents).toEqual([]);
  });

  it('in another language, fetches no English copy when no row is new, and one when a row is', async () => {
    const fake = createFakePypi({ scenario: { ...scenarioAccount('suspicious-history', NOW), tokens: [] }, locale: 'de', now: () => NOW });
    const { url, doc } = pageOf(fake, '/manage/account/');
    const firstFetch = fetchFrom(fake);
    const rows = (await readAccountPage(url, doc, deps({ fetchHtml: firstFetch.fetchHtml }))).snapshot!.securityEvents!;
    expect(firstFetch.paths).toEqual(['/manage/account/?_LOCALE_=en']);

    const unchanged = fetchFrom(fake);
    const revisit = (await readAccountPage(url, doc, deps({ fetchHtml: unchanged.fetchHtml, historyCursor: async () => storedUpTo(rows) }))).snapshot;
    expect(unchanged.fetchHtml).not.toHaveBeenCalled();
    expect(revisit?.securityEvents).toEqual([]);
    expect(revisit).not.toHaveProperty('historyReadInEnglish'); // read in German: the cursor must not move

    const newer = fetchFrom(fake);
    const withNewRow = (await readAccountPage(url, doc, deps({ fetchHtml: newer.fetchHtml, historyCursor: async () => storedUpTo(rows) - 1000 }))).snapshot;
    expect(newer.paths).toEqual(['/manage/account/?_LOCALE_=en']);
    expect(withNewRow).toMatchObject({ historyReadInEnglish: true });
    expect(withNewRow?.securityEvents?.length).toBeGreaterThan(0);
    expect(withNewRow?.securityEvents?.every((event) => event.tag !== 'unknown')).toBe(true);
  });

  it('reads the whole history when the background cannot answer', async () => {
    const fake = fakeAt('suspicious-history', 'en');
    const { url, doc } = pageOf(fake, '/manage/account/');
    const whole = (await readAccountPage(url, doc, deps())).snapshot!.securityEvents!;
    const failing = (await readAccountPage(url, doc, deps({ historyCursor: () => Promise.reject(new Error('extension reloaded')) }))).snapshot;
    expect(failing?.securityEvents).toEqual(whole);
  });
});

describe('readAccountPage in slices (as the content script reads)', () => {
  /** Yields at every checkpoint, as a real slicer does between slices; counts them. */
  const slicer = () => {
    const counted = { checkpoints: 0, checkpoint: async () => void (counted.checkpoints++, await Promise.resolve()) };
    return counted;
  };

  it.each([
    ['en', 'suspicious-history'],
    ['de', 'suspicious-history'],
    ['ja', 'api-tokens'],
  ] as const)('gives the same snapshot as one read, in %s (%s), with the English copy where needed', async (locale, scenario) => {
    const fake = fakeAt(scenario, locale);
    const { url, doc } = pageOf(fake, '/manage/account/');
    const whole = await readAccountPage(url, doc, deps({ fetchHtml: fetchFrom(fake).fetchHtml }));
    const sliced = slicer();
    const read = await readAccountPage(url, doc, deps({ fetchHtml: fetchFrom(fake).fetchHtml, slicer: sliced }));
    expect(read).toEqual(whole);
    expect(read.snapshot?.securityEvents?.length).toBeGreaterThan(0);
    expect(sliced.checkpoints).toBeGreaterThan(1);
  });

  it('with the cursor, reads only the new rows, in slices too', async () => {
    const fake = fakeAt('suspicious-history', 'en');
    const { url, doc } = pageOf(fake, '/manage/account/');
    const rows = (await readAccountPage(url, doc, deps())).snapshot!.securityEvents!;
    const cursorAt = rows[2]!.time;
    const read = await readAccountPage(url, doc, deps({ historyCursor: async () => cursorAt, slicer: slicer() }));
    expect(read.snapshot?.securityEvents).toEqual(rows.filter((event) => event.time > cursorAt));
  });

  it('gives nothing at all when its slicer stops (the page was hidden): no snapshot without its history', async () => {
    const fake = fakeAt('suspicious-history', 'en');
    const { url, doc } = pageOf(fake, '/manage/account/');
    const controller = new AbortController();
    let checkpoints = 0;
    const stopping = {
      async checkpoint() {
        // The page's other parts are read (first slice); the page is hidden before its history.
        if (++checkpoints === 2) controller.abort(new DOMException('The page was hidden or left', 'AbortError'));
        controller.signal.throwIfAborted();
      },
    };
    await expect(readAccountPage(url, doc, deps({ signal: controller.signal, slicer: stopping }))).rejects.toMatchObject({ name: 'AbortError' });
  });
});
