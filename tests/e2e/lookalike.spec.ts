import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { readExtensionDb } from './support/extension-db';
import { countExtensionWorlds } from './support/injection';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from './support/launch';
import { doneIn, waitForDone } from './support/done';
import { preApproveAllSites } from './support/prompts';
import { clickWarningControl, lookalikeWarning, notificationIds, optIn, routeOtherSites, tabMarkOf, warningCoversPage, warningPaintedOverPage } from './support/lookalike';

/**
 * The look-alike warning end to end (Chromium): a page that tries every way to silence it still
 * leaves the user warned — in the page where it can, and always on the tab's toolbar button, which
 * no page can reach. The warning's shadow root is closed: tests read it through the DevTools
 * protocol (support/lookalike.ts), as no page script can.
 */

const LOGIN_FORM = '<form method="post" action="/account/login/"><input name="username"><input name="password" type="password"><input type="submit" value="Log in"></form>';
const page = (body: string) => `<!DOCTYPE html><html><head><title>Log in · PyPI</title></head><body><h1>Log in to PyPI</h1>${body}</body></html>`;
/** рypi-like with three Cyrillic letters (р, у, і): руpі.org, as the address bar holds it. */
const HOMOGRAPH = 'xn--p-4tbj1f.org';

const registeredScripts = (serviceWorker: Worker) => serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());

/** The warning is up, on top of the whole page, and the tab is marked for `site`. */
async function expectWarned(tab: Page, serviceWorker: Worker, site: string, inPage = true) {
  await expect.poll(() => tabMarkOf(serviceWorker, site), { message: `the tab of ${site} is not marked` }).toEqual({ badge: '!', title: expect.stringContaining('only looks like PyPI') });
  if (!inPage) return;
  await expect.poll(async () => (await lookalikeWarning(tab))?.step).toBe('warning');
  await expect.poll(() => warningCoversPage(tab), { message: 'something of the page covers the warning' }).toBe(true);
  // And as painted: hit-testing between frames misses a layer the page repaints over it every frame.
  expect(await warningPaintedOverPage(tab), 'the page paints over the warning').toBe(true);
}

/** The page's own tampering ran (its script counts its rounds on `window.tampered`). */
const tamperingRan = (tab: Page, rounds = 3) => tab.waitForFunction((wanted) => ((window as unknown as { tampered?: number }).tampered ?? 0) >= wanted, rounds);

test.describe('on the declared look-alike domains', () => {
  test('shows at once over the whole page — no password field needed — and marks the tab where the page cannot reach', async ({ context, serviceWorker }) => {
    await routeOtherSites(context);
    const tab = await context.newPage();
    await tab.goto('https://pypl.org/'); // a plain page: nothing to type a password into yet
    await expectWarned(tab, serviceWorker, 'pypl.org');
    const warning = (await lookalikeWarning(tab))!;
    expect(warning.state).toBe('typo');
    expect(warning.shadowRootType).toBe('closed');
    expect(warning.hostTag).toMatch(/^x[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(warning.text).toContain('This is not PyPI');
    expect(warning.text).toContain('This site is pypl.org');
    expect(await tabMarkOf(serviceWorker, 'pypl.org')).toMatchObject({ title: expect.stringContaining('pypl.org only looks like PyPI') });
    expect(await notificationIds(serviceWorker)).toContain('lookalike|pypl.org');
    // The page's own scripts cannot see inside.
    expect(await tab.evaluate(() => [...document.documentElement.children].map((element) => element.shadowRoot))).toEqual([null, null, null]);
    // The main action leads to the real PyPI.
    await clickWarningControl(tab, 'go-to-pypi');
    await tab.waitForURL('https://pypi.org/');
  });

  test('continuing takes a deliberate second step, is remembered for that site only, and the tab stays marked', async ({ context, serviceWorker }) => {
    await routeOtherSites(context, { '/account/login/': page(LOGIN_FORM) });
    const tab = await context.newPage();
    await tab.goto('https://pypl.org/account/login/');
    await expectWarned(tab, serviceWorker, 'pypl.org');
    await clickWarningControl(tab, 'details');
    await expect.poll(async () => (await lookalikeWarning(tab))?.step).toBe('confirm');
    await clickWarningControl(tab, 'continue');
    await expect.poll(() => lookalikeWarning(tab)).toBeNull();
    await expect.poll(async () => (await readExtensionDb(serviceWorker)).prompts).toEqual([{ id: 'pypl.org|lookalike-host', dismissedAt: expect.any(Number) }]);

    // Back on the same site: the tab is marked again, the page lets the user be.
    await tab.goto('https://www.pypl.org/account/login/');
    await expectWarned(tab, serviceWorker, 'pypl.org', false);
    await expect.poll(() => lookalikeWarning(tab)).toBeNull();
    // Another look-alike is not covered by that choice.
    await tab.goto('https://pyp1.org/account/login/');
    await expectWarned(tab, serviceWorker, 'pyp1.org');
  });

  test('the mark follows the page: the browser drops it when the tab leaves the look-alike', async ({ context, serviceWorker }) => {
    await routeOtherSites(context);
    const tab = await context.newPage();
    await tab.goto('https://pypi.com/');
    await expectWarned(tab, serviceWorker, 'pypi.com');
    await tab.goto('https://pypi.org/account/login/');
    await expect.poll(() => tabMarkOf(serviceWorker, 'pypi.com')).toMatchObject({ badge: expect.not.stringMatching(/^!$/) });
  });
});

test.describe('a look-alike page that tries to silence its warning', () => {
  // One retry: the closed-shadow-root popover case loses its 5 s poll about 1 run in 6 on this
  // shared machine (main included), the page's popover opening in the frame the warning re-asserts
  // in. A warning that never wins still fails both runs; the race is a candidate issue of its own.
  test.describe.configure({ retries: 1 });
  const TAMPERING: [name: string, body: string, init?: () => void][] = [
    [
      'removes every element it did not make, over and over',
      `<script>
        setInterval(() => {
          for (const element of [...document.documentElement.children]) if (element !== document.head && element !== document.body) element.remove();
          window.tampered = (window.tampered || 0) + 1;
        }, 50);
      </script>`,
    ],
    [
      'restyles and hides it (style sheet, style attribute, hidden, inert, another popover mode)',
      `<style>html > :not(head):not(body) { display: none !important; opacity: 0 !important; visibility: hidden !important; transform: scale(0) !important;
        clip-path: inset(50%) !important; width: 0 !important; height: 0 !important; position: static !important; z-index: -1 !important; filter: opacity(0) !important; }</style>
      <script>
        setInterval(() => {
          for (const element of [...document.documentElement.children]) {
            if (element === document.head || element === document.body) continue;
            element.setAttribute('style', 'display: none !important; opacity: 0 !important');
            element.hidden = true;
            element.inert = true;
            element.setAttribute('popover', 'hint');
          }
          window.tampered = (window.tampered || 0) + 1;
        }, 50);
      </script>`,
    ],
    [
      'clicks it, dispatches events on it and presses keys',
      `<script>
        setInterval(() => {
          const { innerWidth: width, innerHeight: height } = window;
          for (const [x, y] of [[width / 2, height / 2], [width / 2, height * 0.6], [width / 3, height / 2], [width / 2, height * 0.4]]) {
            const element = document.elementFromPoint(x, y);
            element?.click();
            element?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
            element?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
          }
          for (const element of document.documentElement.children) element.shadowRoot?.querySelectorAll('button').forEach((button) => button.click());
          window.tampered = (window.tampered || 0) + 1;
        }, 50);
      </script>`,
    ],
    [
      'covers it with its own full-page layer and a popover of its own',
      `<script>
        const cover = () => {
          const layer = document.createElement('div');
          layer.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: #fff';
          layer.textContent = 'Log in to PyPI';
          document.documentElement.append(layer);
          const sheet = document.createElement('div');
          sheet.popover = 'manual';
          sheet.style.cssText = 'position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; background: #fff';
          sheet.textContent = 'Log in to PyPI';
          document.body.append(sheet);
          sheet.showPopover();
          window.tampered = (window.tampered || 0) + 1;
        };
        setTimeout(cover, 50); setTimeout(cover, 150); setTimeout(cover, 250);
      </script>`,
    ],
    [
      'takes it out of the top layer (hidePopover) and lays its own page over it',
      `<script>
        setInterval(() => {
          for (const element of document.querySelectorAll(':popover-open')) element.hidePopover();
          const layer = document.createElement('div');
          layer.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: #fff';
          layer.textContent = 'Log in to PyPI';
          document.documentElement.append(layer);
          window.tampered = (window.tampered || 0) + 1;
        }, 50);
      </script>`,
    ],
    [
      'rewrites its document (document.open) and opens a popover of its own over the new one',
      `<script>
        setTimeout(() => {
          document.open();
          document.write('<!DOCTYPE html><html><head><title>Log in · PyPI</title></head><body><h1>Log in to PyPI</h1>'
            + '<div id="sheet" popover="manual" style="position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; background: #fff">Log in to PyPI</div></body></html>');
          document.close();
          const sheet = document.getElementById('sheet');
          for (const delay of [100, 200, 300]) {
            setTimeout(() => {
              if (sheet.matches(':popover-open')) sheet.hidePopover();
              sheet.showPopover();
              window.tampered = (window.tampered || 0) + 1;
            }, delay);
          }
        }, 50);
      </script>`,
    ],
    [
      'opens a popover of its own over it again on every frame',
      `<div id="sheet" popover="manual" style="position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; background: #fff">Log in to PyPI</div>
      <script>
        const sheet = document.getElementById('sheet');
        const everyFrame = () => {
          if (sheet.matches(':popover-open')) sheet.hidePopover();
          sheet.showPopover();
          window.tampered = (window.tampered || 0) + 1;
          requestAnimationFrame(everyFrame);
        };
        requestAnimationFrame(everyFrame);
      </script>`,
    ],
    [
      'opens a modal dialog of its own over it, again and again',
      `<dialog id="sheet" style="width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; padding: 0; background: #fff">Log in to PyPI</dialog>
      <script>
        const sheet = document.getElementById('sheet');
        setInterval(() => {
          if (sheet.open) sheet.close();
          sheet.showModal();
          window.tampered = (window.tampered || 0) + 1;
        }, 50);
      </script>`,
    ],
    [
      'rewrites its document, swallows the toggle events with listeners of its own set first, and takes it out of the top layer',
      `<script>
        setTimeout(() => {
          document.open();
          // Ours were erased by document.open(): the page's listeners now come first.
          window.addEventListener('beforetoggle', (event) => event.stopImmediatePropagation(), true);
          window.addEventListener('toggle', (event) => event.stopImmediatePropagation(), true);
          document.write('<!DOCTYPE html><html><head><title>Log in · PyPI</title></head><body><h1>Log in to PyPI</h1></body></html>');
          document.close();
          setInterval(() => {
            for (const element of document.querySelectorAll(':popover-open')) element.hidePopover();
            window.tampered = (window.tampered || 0) + 1;
          }, 50);
        }, 50);
      </script>`,
    ],
    [
      'opens a popover of its own inside a closed shadow root, where its toggle events stay',
      `<div id="box"></div>
      <script>
        const sheet = document.createElement('div');
        sheet.popover = 'manual';
        sheet.style.cssText = 'position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; background: #fff';
        sheet.textContent = 'Log in to PyPI';
        document.getElementById('box').attachShadow({ mode: 'closed' }).append(sheet);
        for (const delay of [100, 400, 700]) {
          setTimeout(() => {
            if (sheet.matches(':popover-open')) sheet.hidePopover();
            sheet.showPopover();
            window.tampered = (window.tampered || 0) + 1;
          }, delay);
        }
      </script>`,
    ],
    [
      'defines the custom element first, and breaks attachShadow and customElements for everyone',
      `<pypi-guard-ui></pypi-guard-ui><script>window.tampered = (window.tampered || 0) + 3;</script>`,
      () => {
        for (const name of ['pypi-guard-ui', 'pypi-guard-warning', 'x-pypi-guard']) {
          customElements.define(name, class extends HTMLElement {
            connectedCallback() {
              this.remove();
            }
          });
        }
        Element.prototype.attachShadow = () => {
          throw new Error('no shadow roots here');
        };
        customElements.define = () => {
          throw new Error('no custom elements here');
        };
      },
    ],
  ];

  for (const [name, body, init] of TAMPERING) {
    test(`still warns when the page ${name}`, async ({ context, serviceWorker }) => {
      await routeOtherSites(context, { '/account/login/': page(`${LOGIN_FORM}${body}`) });
      const tab = await context.newPage();
      if (init) await tab.addInitScript(init);
      await tab.goto('https://pypl.org/account/login/');
      await tamperingRan(tab);
      await expectWarned(tab, serviceWorker, 'pypl.org');
      // Nothing the page did took a step for the user.
      expect((await lookalikeWarning(tab))?.step).toBe('warning');
      expect((await readExtensionDb(serviceWorker)).prompts).toEqual([]);
    });
  }
});

test('a page that fights back in microtasks neither hangs the tab nor stops the warning coming back each frame', async ({ context, serviceWorker }) => {
  // The page answers every restore at once — its mutation observer removes the warning, its toggle
  // listener lays its own popover over it — so answering each of those in turn would be an endless
  // microtask loop. It must stay a bounded number of rounds per frame, frame after frame.
  const fighter = `<div id="sheet" popover="manual" style="position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; background: #fff">Log in to PyPI</div>
    <script>
      const sheet = document.getElementById('sheet');
      let thisFrame = 0;
      window.roundsPerFrame = [];
      const ours = (element) => element !== document.head && element !== document.body;
      const strike = () => {
        thisFrame += 1;
        window.tampered = (window.tampered || 0) + 1;
      };
      new MutationObserver(() => {
        for (const element of [...document.documentElement.children]) if (ours(element)) (element.remove(), strike());
      }).observe(document.documentElement, { childList: true });
      window.addEventListener('beforetoggle', (event) => {
        if (event.target === sheet || event.newState !== 'open') return;
        queueMicrotask(() => {
          if (sheet.matches(':popover-open')) sheet.hidePopover();
          sheet.showPopover();
          strike();
        });
      }, true);
      const frame = () => {
        if (thisFrame) window.roundsPerFrame.push(thisFrame);
        thisFrame = 0;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      for (const element of [...document.documentElement.children]) if (ours(element)) (element.remove(), strike());
    </script>`;
  await routeOtherSites(context, { '/account/login/': page(`${LOGIN_FORM}${fighter}`) });
  const tab = await context.newPage();
  await tab.goto('https://pypl.org/account/login/');
  // Still answering (waitForFunction polls on the page's own frames), and fought over in frame
  // after frame: the warning came back each time, never in an endless burst.
  await tab.waitForFunction(() => (window as unknown as { roundsPerFrame: number[] }).roundsPerFrame.length >= 10);
  // The page's first count also holds the rounds before the first frame: left out.
  const rounds = (await tab.evaluate(() => (window as unknown as { roundsPerFrame: number[] }).roundsPerFrame)).slice(1);
  expect(Math.max(...rounds), `rounds per frame: ${rounds.join(', ')}`).toBeLessThanOrEqual(30);
  // The page wins the paint, but not the tab's mark.
  await expectWarned(tab, serviceWorker, 'pypl.org', false);
});

test.describe('on every other site, once the user opts in', () => {
  test.beforeEach(async ({ context, extensionId }) => {
    await preApproveAllSites(context, extensionId);
    await optIn(context, extensionId, true);
  });

  test('a password field shown after 90 seconds is caught, with the page’s own clock (no real wait)', async ({ context, serviceWorker, extensionId }) => {
    const late = `<input name="username"><script>
      setTimeout(() => { const field = document.createElement('input'); field.type = 'password'; field.name = 'password'; document.body.append(field); }, 90_000);
    </script>`;
    await routeOtherSites(context, { '/account/login/': page(late) });
    const tab = await context.newPage();
    await tab.clock.install();
    await tab.goto('https://pypi-login.example/account/login/');
    // The probe looked, found no field, and watches: no warning and no mark yet.
    await waitForDone(tab, extensionId, 'probe');
    expect((await doneIn(tab, extensionId)).probe?.last).toBe('watching');
    expect(await lookalikeWarning(tab)).toBeNull();
    expect(await tabMarkOf(serviceWorker, 'pypi-login.example')).toBeNull();
    await tab.clock.runFor(90_000);
    await expectWarned(tab, serviceWorker, 'pypi-login.example');
    expect((await lookalikeWarning(tab))?.state).toBe('pypi-in-name');
  });

  test('a text field styled as a password field is caught', async ({ context, serviceWorker }) => {
    await routeOtherSites(context, { '/signin/': page('<input name="login"><input type="text" name="secret-field-1" style="-webkit-text-security: disc">') });
    const tab = await context.newPage();
    await tab.goto('https://secure-pypi.example/signin/');
    await expectWarned(tab, serviceWorker, 'secure-pypi.example');
  });

  test('a password field in a closed shadow root is caught', async ({ context, serviceWorker }) => {
    const hidden = `<div id="box"></div><script>
      const root = document.getElementById('box').attachShadow({ mode: 'closed' });
      const field = document.createElement('input'); field.type = 'password'; root.append(field);
    </script>`;
    await routeOtherSites(context, { '/account/login/': page(hidden) });
    const tab = await context.newPage();
    await tab.goto('https://pypi.org.example.test/account/login/');
    await expectWarned(tab, serviceWorker, 'example.test');
    expect((await lookalikeWarning(tab))?.state).toBe('pypi-org-in-name');
  });

  test('a homograph (руpі.org, three Cyrillic letters) with a password form is caught and named as the user sees it', async ({ context, serviceWorker }) => {
    await routeOtherSites(context, { '/account/login/': page(LOGIN_FORM) });
    const tab = await context.newPage();
    await tab.goto(`https://${HOMOGRAPH}/account/login/`);
    await expectWarned(tab, serviceWorker, HOMOGRAPH);
    const warning = (await lookalikeWarning(tab))!;
    expect(warning.state).toBe('homoglyph');
    expect(warning.text).toContain('This site is руpі.org');
  });

  test('ordinary sites, and look-alikes without a password field, get nothing but the probe’s glance', async ({ context, serviceWorker, extensionId }) => {
    await routeOtherSites(context, { '/account/login/': page(LOGIN_FORM) });
    for (const [url, screened] of [['https://example.org/account/login/', 'ignored'], ['https://pypi.org.example.test/about/', 'watching']] as const) {
      const tab = await context.newPage();
      await tab.goto(url);
      await waitForDone(tab, extensionId, 'probe');
      expect((await doneIn(tab, extensionId)).probe?.last, url).toBe(screened);
      expect(await lookalikeWarning(tab), url).toBeNull();
      await tab.close();
    }
    expect(await tabMarkOf(serviceWorker, 'example.test')).toBeNull();
    expect(await notificationIds(serviceWorker)).toEqual([]);
  });

  test('turned off again, the probe is gone and the access given back', async ({ context, serviceWorker, extensionId }) => {
    await routeOtherSites(context, { '/account/login/': page(LOGIN_FORM) });
    await optIn(context, extensionId, false);
    expect(await registeredScripts(serviceWorker)).toEqual([]);
    expect(await serviceWorker.evaluate(() => chrome.permissions.contains({ origins: ['*://*/*'] }))).toBe(false);
    const tab = await context.newPage();
    const worlds = await countExtensionWorlds(tab, extensionId);
    await tab.goto('https://pypi.org.example.test/account/login/');
    // On to a declared look-alike in the same tab: its warning's world is the only one.
    await tab.goto('https://pypl.org/account/login/');
    await expectWarned(tab, serviceWorker, 'pypl.org');
    expect(worlds.count()).toBe(1);
  });
});

test('without the opt-in nothing of PyPI Guard runs on pypi.org.evil.test, and the install asks for no site', async ({ context, serviceWorker, extensionId }) => {
  await routeOtherSites(context, { '/account/login/': page(LOGIN_FORM) });
  const tab = await context.newPage();
  const worlds = await countExtensionWorlds(tab, extensionId);
  await tab.goto('https://pypi.org.evil.test/account/login/');
  await tab.goto('https://pypl.org/account/login/');
  await expectWarned(tab, serviceWorker, 'pypl.org');
  expect(worlds.count()).toBe(1);
  expect(await registeredScripts(serviceWorker)).toEqual([]);
  expect((await serviceWorker.evaluate(() => chrome.permissions.getAll())).origins ?? []).not.toContain('*://*/*');
});

test('the opt-in survives a browser restart', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'pypi-guard-profile-'));
  const launch = async () => {
    const context: BrowserContext = await launchWithExtension({ userDataDir: profile });
    await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
    await routeOtherSites(context, { '/account/login/': page(LOGIN_FORM) });
    const serviceWorker = await extensionServiceWorker(context);
    return { context, serviceWorker, extensionId: extensionIdOf(serviceWorker) };
  };
  try {
    const first = await launch();
    await preApproveAllSites(first.context, first.extensionId);
    await optIn(first.context, first.extensionId, true);
    await first.context.close();

    const second = await launch();
    try {
      const tab = await second.context.newPage();
      await tab.goto('https://pypi.org.example.test/account/login/');
      await expectWarned(tab, second.serviceWorker, 'example.test');
    } finally {
      await second.context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
