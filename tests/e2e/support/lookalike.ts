import { inflateSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import { OptionsPage } from '../pages/options';

/**
 * The look-alike warning lives in a closed shadow root under a random element name: no locator
 * reaches it, as no page script does. Tests read it through the DevTools protocol, which sees
 * every shadow root and can hit-test the page as the user sees it.
 */

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

export interface WarningView {
  /** `data-state`: why the host is not PyPI. */
  state: string;
  /** `data-step`: warning, confirm or failed. */
  step: string;
  hostTag: string;
  shadowRootType: string;
  text: string;
  backendNodeId: number;
}

const attribute = (node: DomNode, name: string) => {
  const list = node.attributes ?? [];
  for (let index = 0; index < list.length; index += 2) if (list[index] === name) return list[index + 1];
  return undefined;
};

async function withSession<T>(page: Page, work: (session: CDPSession) => Promise<T>): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    return await work(session);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

async function textOf(session: CDPSession, backendNodeId: number): Promise<string> {
  const { object } = await session.send('DOM.resolveNode', { backendNodeId });
  const { result } = await session.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { return this.innerText; }', returnByValue: true });
  return String(result.value ?? '');
}

/** The warning as the page holds it, or null when there is none. */
export function lookalikeWarning(page: Page): Promise<WarningView | null> {
  return withSession(page, async (session) => {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const walk = (node: DomNode, host: DomNode | null, shadowRootType: string): Omit<WarningView, 'text'> | null => {
      if (attribute(node, 'data-prompt') === 'lookalike-host' && host) {
        return { state: attribute(node, 'data-state') ?? '', step: attribute(node, 'data-step') ?? '', hostTag: host.localName, shadowRootType, backendNodeId: node.backendNodeId };
      }
      for (const shadow of node.shadowRoots ?? []) {
        const found = walk(shadow, node, shadow.shadowRootType ?? '');
        if (found) return found;
      }
      for (const child of [...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
        const found = walk(child, host, shadowRootType);
        if (found) return found;
      }
      return null;
    };
    const found = walk(root, null, '');
    return found ? { ...found, text: await textOf(session, found.backendNodeId) } : null;
  });
}

/**
 * Lets axe-core, run in the page, check the warning inside its closed shadow root — in this test's
 * page only, product code untouched; no page script could do the same. Two things axe needs:
 * - to walk into the root: the DevTools protocol reaches closed roots (`pierce`) and hands the
 *   root back as an object of the page's main world (where axe runs); an own `shadowRoot` getter
 *   on the host returning it is what axe's tree walk reads;
 * - to see the host when it measures contrast: axe lays out its grid of painted boxes from a
 *   tree walk rooted at `<body>`, and the warning is a child of `<html>` (in the top layer), so
 *   every text in it would come out "contrast undecided", never a violation. Walks rooted at
 *   `<body>` are widened to all of `<html>`'s children, which is what the browser paints.
 * Returns the host's tag name, random for each page view, to give axe as its context.
 */
export async function lendWarningRootToAxe(page: Page): Promise<string> {
  const hostTag = await withSession(page, async (session) => {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const holdsWarning = (node: DomNode): boolean => attribute(node, 'data-prompt') === 'lookalike-host' || (node.children ?? []).some(holdsWarning);
    const host = (root.children ?? []).flatMap((html) => html.children ?? []).find((child) => child.shadowRoots?.some(holdsWarning));
    const shadow = host?.shadowRoots?.find(holdsWarning);
    if (!host || !shadow) throw new Error('no look-alike warning in this page');
    const { object: hostObject } = await session.send('DOM.resolveNode', { backendNodeId: host.backendNodeId });
    const { object: rootObject } = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await session.send('Runtime.callFunctionOn', {
      objectId: hostObject.objectId,
      functionDeclaration: 'function (root) { Object.defineProperty(this, "shadowRoot", { configurable: true, get: () => root }); }',
      arguments: [{ objectId: rootObject.objectId }],
    });
    return host.localName;
  });
  await page.evaluate(() => {
    const createTreeWalker = Document.prototype.createTreeWalker;
    document.createTreeWalker = function (this: Document, root: Node, whatToShow?: number, filter?: NodeFilter | null) {
      if (root !== this.body) return createTreeWalker.call(this, root, whatToShow, filter);
      const walker = createTreeWalker.call(this, this.documentElement, whatToShow, filter);
      // From <html>'s first child on (the host may come before <body>), <html> itself left out as a walk from <body> leaves it.
      walker.currentNode = this.documentElement.firstElementChild ?? this.body;
      return walker;
    };
  });
  return hostTag;
}

/** True when what the user sees at (x, y) is the warning: nothing of the page covers it there. */
export function warningIsOnTopAt(page: Page, x: number, y: number): Promise<boolean> {
  return withSession(page, async (session) => {
    const { backendNodeId } = await session.send('DOM.getNodeForLocation', { x: Math.round(x), y: Math.round(y), includeUserAgentShadowDOM: false });
    const { object } = await session.send('DOM.resolveNode', { backendNodeId });
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        for (let node = this; node; node = node.parentNode || node.host) if (node.nodeType === 1 && node.getAttribute('data-prompt') === 'lookalike-host') return true;
        return false;
      }`,
      returnByValue: true,
    });
    return result.value === true;
  });
}

/** The warning covers the whole viewport: its centre and four corners. */
export async function warningCoversPage(page: Page): Promise<boolean> {
  const { width, height } = page.viewportSize() ?? { width: 1280, height: 720 };
  const points = [[width / 2, height / 2], [5, 5], [width - 5, 5], [5, height - 5], [width - 5, height - 5]] as const;
  for (const [x, y] of points) if (!(await warningIsOnTopAt(page, x, y))) return false;
  return true;
}

/**
 * The colour the user sees at (x, y): one pixel of a real screenshot, so a frame as it was painted
 * — where hit-testing between frames could find the warning on top of a page that repaints its
 * own layer over it every frame.
 */
export async function colourAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  // A 1×1 PNG: its image data is a filter byte and the one pixel (without neighbours, every PNG
  // filter leaves the pixel as it is).
  const data: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') data.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const pixel = inflateSync(Buffer.concat(data));
  return [pixel[1]!, pixel[2]!, pixel[3]!];
}

/** The warning's own red (lookalike-css.ts), give or take anti-aliasing. */
const WARNING_RED = [0xa5, 0x0e, 0x0e] as const;

/** True when the four corners of the viewport, as painted, are the warning's red. */
export async function warningPaintedOverPage(page: Page): Promise<boolean> {
  const { width, height } = page.viewportSize() ?? { width: 1280, height: 720 };
  for (const [x, y] of [[5, 5], [width - 6, 5], [5, height - 6], [width - 6, height - 6]] as const) {
    const colour = await colourAt(page, x, y);
    if (colour.some((channel, index) => Math.abs(channel - WARNING_RED[index]!) > 8)) return false;
  }
  return true;
}

/** A trusted click (the DevTools protocol's mouse) on the warning's control with this data-action. */
export async function clickWarningControl(page: Page, action: string): Promise<void> {
  const box = await withSession(page, async (session) => {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const stack: DomNode[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (attribute(node, 'data-action') === action) {
        const { model } = await session.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
        const [x1, y1, , , x3, y3] = model.content;
        return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
      }
      stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : []));
    }
    throw new Error(`no warning control [data-action="${action}"]`);
  });
  await page.mouse.click(box.x, box.y);
}

/** The toolbar button's badge and title on the tab the background marked for `site`, or null. */
export function tabMarkOf(serviceWorker: Worker, site: string): Promise<{ badge: string; title: string } | null> {
  return serviceWorker.evaluate(async (wanted) => {
    const marks = await chrome.storage.session.get(null);
    const entry = Object.entries(marks).find(([key, value]) => key.startsWith('lookalikeTab:') && (value as { site?: string }).site === wanted);
    if (!entry) return null;
    const tabId = Number(entry[0].slice('lookalikeTab:'.length));
    return { badge: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) };
  }, site);
}

export const notificationIds = (serviceWorker: Worker) => serviceWorker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

/** Turns the opt-in "Warn on every site that looks like PyPI" on or off from the options page. */
export async function optIn(context: BrowserContext, extensionId: string, wanted: boolean): Promise<void> {
  const options = await OptionsPage.open(context, extensionId);
  const toggle = options.page.getByRole('checkbox', { name: /Warn on every site that looks like PyPI/ });
  await expect(toggle).toBeEnabled();
  await expect(toggle).toBeChecked({ checked: !wanted });
  await toggle.click();
  await expect(toggle).toBeChecked({ checked: wanted });
  await expect(options.status).toContainText(wanted ? 'is on' : 'is off');
  await options.page.close();
}

/** Answers every host but PyPI's with `pages[path]` (or a plain page), so no test reaches the network. */
export async function routeOtherSites(context: BrowserContext, pages: Record<string, string> = {}): Promise<void> {
  const plain = '<!DOCTYPE html><title>About</title><h1>Nothing to sign in to</h1>';
  await context.route(/^https:\/\/(?!(test\.)?pypi\.org\/)/, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: pages[new URL(route.request().url()).pathname] ?? plain }),
  );
}
