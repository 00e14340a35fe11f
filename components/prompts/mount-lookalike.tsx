import { localizeElement } from '@/utils/text/page';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lookalike } from '@/utils/prompts/lookalike/detect';
import { LookalikeInterstitial } from './LookalikeInterstitial';
import { LOOKALIKE_CSS } from './lookalike-css';

/**
 * Mounts the look-alike warning on a page that is hostile by definition. Unlike the prompts on
 * pypi.org (`<pypi-guard-ui>`, open shadow root, mount.tsx), here:
 * - the host element's name is random for each page view, so the page cannot define a custom
 *   element of that name first, nor find it by name in its style sheets;
 * - its shadow root is closed, so page scripts cannot read, restyle or click what is inside (and
 *   every control answers only trusted clicks anyway);
 * - it goes in the browser's top layer (a manual popover), above any z-index, raised again —
 *   before the next frame — when the page opens a dialog or popover over it or takes it out of
 *   the top layer (without popovers it stays the last child of `<html>` instead);
 * - it is put back when the page removes or moves it or rewrites its document (`document.open()`),
 *   and loses any attribute the page sets on it
 *   (`hidden`, `inert`, `style`…); the `:host` rules' `!important` beat the page's CSS;
 * - while it is up, focus the page takes is sent back to "Go to pypi.org";
 * - each frame it checks it is still in place, for what no event or mutation reports, and
 *   Chromium tells it when anything is painted over it (a popover in the page's shadow root);
 * - it answers a page that fights back a bounded number of times per frame, then waits for the
 *   next frame: a page can burn its own time, never keep ours in a loop.
 * What a page can still do — win its fight frame after frame, or hide its whole document — the
 * background's mark on the tab (badge and title) does not depend on (utils/background/lookalike.ts).
 */
export function mountLookalikeWarning(ctx: ContentScriptContext, lookalike: Lookalike, continueToSite: () => Promise<boolean>): { remove(): void } {
  const host = document.createElement(unpredictableTagName());
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = LOOKALIKE_CSS;
  const container = document.createElement('div');
  // The warning speaks the UI language (right to left for Hebrew), whatever the page is in.
  localizeElement(container);
  shadow.append(style, container);
  host.setAttribute('popover', 'manual');
  /** Where the browser has no popovers, the z-index and the last place among <html>'s children have to do. */
  const hasPopovers = typeof host.showPopover === 'function';

  const listening = new AbortController();
  let primary: HTMLElement | null = null;
  let started = false;

  /** In the top layer right now. Asked each time, not remembered: the page can take the host out (hidePopover) without a mutation. */
  const onTop = () => hasPopovers && host.matches(':popover-open');
  /** Where it belongs: a child of <html>, in the top layer (or, without popovers, the last child). */
  const inPlace = (root: Element) => host.parentNode === root && (hasPopovers ? onTop() : root.lastElementChild === host);

  let raising = false;
  /** Shown again as a popover: the last one shown is the topmost, above the page's dialogs and popovers. */
  const raise = () => {
    if (!hasPopovers || !host.isConnected) return;
    raising = true; // our own hide and show below must not count as the page's
    try {
      if (onTop()) host.hidePopover();
      host.showPopover();
    } catch {
      // the page set a state that refuses the popover for now; the next frame tries again
    } finally {
      raising = false;
    }
  };

  // A page can answer each restore with another attack (a mutation observer that removes the host,
  // a toggle listener that shows its own popover), and we would answer that, forever, in
  // microtasks: a frozen tab. So only so many restores a frame; past that, the next frame's check.
  const RESTORES_PER_FRAME = 10;
  let restoresThisFrame = 0;
  let focusesThisFrame = 0;
  let raiseOwed = false;
  /** One more answer to the page this frame, or false when the frame's budget is spent (the next frame's check does it). */
  const spend = () => {
    if (restoresThisFrame >= RESTORES_PER_FRAME) {
      raiseOwed = true;
      return false;
    }
    restoresThisFrame += 1;
    return true;
  };
  /** Puts the host back where it belongs; `overPage` raises it even there (something opened over it). */
  const restore = (overPage = false) => {
    const root = document.documentElement;
    if (!started || listening.signal.aborted || !root) return;
    if (!overPage && inPlace(root)) return;
    if (!spend()) return;
    // In the top layer, what the page appends after the host cannot cover it; without it, the
    // host must stay the last child of <html> to win among equal z-indexes.
    if (host.parentNode !== root || (!hasPopovers && root.lastElementChild !== host)) root.append(host);
    raise();
  };
  /**
   * A modal dialog makes everything outside it inert — the warning's buttons too, even painted
   * above it, so the user's clicks would land on the page. The page under an interstitial has no
   * use for one: it is closed.
   */
  const closeModal = (dialog: Element) => {
    if (dialog.localName === 'dialog' && dialog.matches(':modal') && spend()) (dialog as HTMLDialogElement).close();
  };
  /** Once a frame, before it is painted: a fresh budget, and whatever nothing else reported (a hidePopover whose event the page swallowed). */
  const everyFrame = () => {
    if (listening.signal.aborted) return;
    restoresThisFrame = 0;
    focusesThisFrame = 0;
    const owed = raiseOwed;
    raiseOwed = false;
    // A fight ran out of last frame's budget: modal dialogs it left open are looked for (only then).
    if (owed) document.querySelectorAll('dialog').forEach(closeModal);
    restore(owed);
    requestAnimationFrame(everyFrame);
  };

  const fromPage = (event: Event) => !event.composedPath().includes(host);
  // Another popover (or dialog) opening over the warning, or the page closing the warning's own:
  // raised again in a microtask, before the next frame. 'beforetoggle' comes synchronously, so a
  // page that re-opens its popover on every frame never gets one painted over the warning.
  const onToggle = (event: Event) => {
    const newState = (event as Event & { newState?: string }).newState;
    if (raising) return;
    if (fromPage(event) ? newState === 'open' : event.target === host && newState === 'closed') queueMicrotask(() => restore(true));
  };
  // Focus the page takes goes back to the main action while the warning is up (a bounded number
  // of times a frame: a page that takes it back in its own focus handler would otherwise recurse).
  const onFocus = (event: Event) => {
    if (!fromPage(event) || !primary?.isConnected || focusesThisFrame >= RESTORES_PER_FRAME) return;
    focusesThisFrame += 1;
    primary.focus();
  };
  /**
   * The window's listeners. Added again whenever the page's tree changes: `document.open()`
   * erases every listener on the window and the document, ours included (adding the same
   * listener twice is a no-op).
   */
  const listen = () => {
    window.addEventListener('beforetoggle', onToggle, { capture: true, signal: listening.signal });
    window.addEventListener('focusin', onFocus, { capture: true, signal: listening.signal });
  };
  // The page removed, moved or covered it, opened a dialog, or replaced its document: put it back
  // on top. Mutation observers, unlike listeners, survive document.open() and cannot be stopped.
  const pageGuard = new MutationObserver((records) => {
    listen();
    // A dialog opened (its `open` attribute set): closed if modal, and the warning raised over it.
    const opened = records.filter((record) => record.type === 'attributes' && record.target !== host && (record.target as Element).hasAttribute('open'));
    for (const { target } of opened) closeModal(target as Element);
    restore(opened.length > 0);
  });
  // What neither the events nor the mutations above report — a popover opened inside the page's
  // own (closed) shadow root, whose toggle events stay there — Chromium's visibility tracking
  // does: it says when anything is painted over the host (at most every 100 ms, so a safety net,
  // not the first answer). Other browsers ignore the option and leave `isVisible` undefined.
  const occlusionGuard = new IntersectionObserver(
    (entries) => entries.some((entry) => (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === false) && restore(true),
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  // The page set an attribute on the host (hidden, inert, style, another popover mode): undo it.
  const hostGuard = new MutationObserver(() => {
    for (const name of host.getAttributeNames()) if (name !== 'popover') host.removeAttribute(name);
    if (host.getAttribute('popover') !== 'manual') {
      host.setAttribute('popover', 'manual');
      restore(true);
    }
  });

  const start = () => {
    if (started || listening.signal.aborted) return;
    started = true;
    restore();
    pageGuard.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['open'] });
    hostGuard.observe(host, { attributes: true });
    occlusionGuard.observe(host);
    listen();
    requestAnimationFrame(everyFrame);
    render(<LookalikeInterstitial lookalike={lookalike} continueToSite={proceed} onPrimary={(element) => (primary = element)} />, container);
  };
  const remove = () => {
    listening.abort();
    pageGuard.disconnect();
    hostGuard.disconnect();
    occlusionGuard.disconnect();
    render(null, container);
    host.remove();
  };
  const proceed = async () => {
    const saved = await continueToSite();
    if (saved) remove();
    return saved;
  };

  // At document_start the document may have no root element yet.
  if (document.documentElement) start();
  else {
    const rootWatch = new MutationObserver(() => document.documentElement && (rootWatch.disconnect(), start()));
    rootWatch.observe(document, { childList: true });
    listening.signal.addEventListener('abort', () => rootWatch.disconnect());
  }
  ctx.onInvalidated(remove);
  return { remove };
}

/** A valid custom-element name the page cannot guess: random for each page view. */
export function unpredictableTagName(): string {
  const hex = [...crypto.getRandomValues(new Uint8Array(8))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `x${hex.slice(0, 8)}-${hex.slice(8)}`;
}
