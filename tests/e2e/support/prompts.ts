import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { generateSync } from 'otplib';
import { hibpRangeBody } from '../../fixtures/hibp/range';
import { NEW_TOTP_SECRET } from '../../fixtures/pypi/secrets';
import { readExtensionDb } from './extension-db';

/** Every request the local Have I Been Pwned answered. */
export interface HibpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/** Answers api.pwnedpasswords.com from the local fixture (or fails it, to play offline). */
export async function routeHibp(context: BrowserContext, mode: { offline: boolean } = { offline: false }): Promise<HibpRequest[]> {
  const requests: HibpRequest[] = [];
  await context.route('https://api.pwnedpasswords.com/**', async (route) => {
    const request = route.request();
    requests.push({ url: request.url(), method: request.method(), headers: await request.allHeaders(), body: request.postData() });
    if (mode.offline) return route.abort('internetdisconnected');
    const prefix = new URL(request.url()).pathname.split('/').pop() ?? '';
    return route.fulfill({ status: 200, headers: { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }, body: hibpRangeBody(prefix) });
  });
  return requests;
}

/**
 * Pins `Date.now()` in PyPI Guard's isolated world of a page (where its content scripts run).
 * Playwright's `page.clock` only reaches the page's own world; this is its counterpart for the
 * extension, through the DevTools protocol. Call after the content scripts have started.
 */
export async function pinExtensionClock(page: Page, extensionId: string, epochMs: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const contexts: number[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) contexts.push(context.id);
  });
  await session.send('Runtime.enable');
  if (contexts.length === 0) throw new Error('PyPI Guard has no isolated world in this page yet.');
  for (const contextId of contexts) {
    await session.send('Runtime.evaluate', { contextId, expression: `Date.now = () => ${epochMs};` });
  }
  await session.detach();
}

/** 2026-06-01 12:00:10 UTC: 10 s into a 30-second step, a time to pin every clock to for the TOTP check. */
export const TOTP_PINNED_AT = Date.UTC(2026, 5, 1, 12, 0, 10);

/** The code an authenticator app shows at `ms` for the key the fake PyPI's set-up page offers. */
export const newTotpCodeAt = (ms: number): string => generateSync({ secret: NEW_TOTP_SECRET, epoch: Math.floor(ms / 1000) });

/** Opens PyPI's authentication-app set-up page with the page's and PyPI Guard's clocks pinned to `pinnedAt`. */
export async function openTotpProvisioning(page: Page, extensionId: string, pinnedAt: number): Promise<void> {
  await page.clock.setFixedTime(pinnedAt);
  await page.goto('https://pypi.org/manage/account/totp-provision');
  await expect(page.locator('pypi-guard-ui')).toBeAttached();
  await pinExtensionClock(page, extensionId, pinnedAt);
}

/**
 * Everything PyPI Guard keeps in this browser: its whole IndexedDB and, where the API exists,
 * every `chrome.storage` area — one string to search for secrets.
 */
export async function allExtensionStorage(serviceWorker: Worker): Promise<string> {
  const db = await readExtensionDb(serviceWorker);
  const areas = await serviceWorker.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome?: { storage?: Record<string, { get(keys: null): Promise<unknown> } | undefined> } }).chrome?.storage;
    const result: Record<string, unknown> = {};
    for (const area of ['local', 'session', 'sync']) {
      const handle = storage?.[area];
      if (handle) result[area] = await handle.get(null);
    }
    return result;
  });
  return JSON.stringify({ db, areas });
}

/**
 * Pre-approves PyPI Guard's optional access to all sites the way the browser's own extension page
 * does it (chrome://extensions calls `developerPrivate.addHostPermission` when the user adds a site
 * under "Site access"). It stands in for the user's "Allow" in the permission dialog, which no
 * automation can press: Playwright has no API for extension permission prompts and the DevTools
 * protocol no command to grant them. Nothing is active yet: the extension's own
 * `permissions.request` (the options toggle) still has to ask, and is then answered at once.
 */
export async function preApproveAllSites(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  await page.evaluate(
    ([id, origin]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id, origin),
    [extensionId, '*://*/*'] as const,
  );
  await page.close();
}

/** The extension's scripts that run in a page (its isolated world), by path, from the DevTools protocol. */
export async function extensionScriptsIn(page: Page, extensionId: string): Promise<Set<string>> {
  const scripts = new Set<string>();
  const session = await page.context().newCDPSession(page);
  session.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith(`chrome-extension://${extensionId}/`)) scripts.add(new URL(url).pathname);
  });
  await session.send('Debugger.enable');
  return scripts;
}

/** What `promptOverlaps` measured: the visible cards, the PyPI controls, and every pair that meets. */
export interface PromptOverlaps {
  cards: string[];
  controls: number;
  overlaps: string[];
}

/**
 * Every visible PyPI Guard card (and its "+N more" line) against every visible PyPI link, button,
 * input, select and textarea, in page coordinates (so where the page is scrolled does not matter):
 * the pairs whose boxes meet. PyPI's own hidden controls (closed modals, collapsed menus) do not
 * count; the host's inner elements are not PyPI's.
 */
export function promptOverlaps(page: Page): Promise<PromptOverlaps> {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left + scrollX, top: rect.top + scrollY, right: rect.right + scrollX, bottom: rect.bottom + scrollY, width: rect.width, height: rect.height };
    };
    const shown = (element: Element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && box(element).width > 0 && box(element).height > 0;
    const name = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('data-prompt') ? `[data-prompt=${element.getAttribute('data-prompt')}]` : ''} “${(element.textContent ?? '').trim().slice(0, 30)}”`;
    const root = document.querySelector('pypi-guard-ui')?.shadowRoot;
    const cards = [...(root?.querySelectorAll('.pg-card, .pg-more') ?? [])].filter(shown);
    const controls = [...document.querySelectorAll('a, button, input, select, textarea')].filter((element) => element.closest('pypi-guard-ui') === null && shown(element));
    const overlaps: string[] = [];
    for (const card of cards) {
      const a = box(card);
      for (const control of controls) {
        const b = box(control);
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`${name(card)} covers ${name(control)}`);
      }
    }
    return { cards: cards.map(name), controls: controls.length, overlaps };
  });
}

/**
 * A password field's one card (components/prompts/PasswordVerdict.tsx) with both verdicts in it:
 * its headline (`data-state`), the breach line's state and the strength verdict. Waits for the
 * headline, then checks that no second card speaks about passwords.
 */
export async function expectOnePasswordCard(page: Page, expected: { state: string; breach?: string; strength?: string }): Promise<void> {
  const card = page.locator('[data-prompt="password"]');
  await expect(card).toHaveAttribute('data-state', expected.state);
  await expect(card).toHaveCount(1);
  await expect(card).toBeVisible();
  if (expected.breach) await expect(card.locator('[data-field="breach"]')).toHaveAttribute('data-state', expected.breach);
  if (expected.strength) await expect(card.locator('[data-field="strength"]')).toHaveAttribute('data-verdict', expected.strength);
}
