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
 * - it goes in the browser's top layer (a manual popover), above any z-index, raised again when
 *   the page opens a dialog or popover over it (without popovers it stays the last child of
 *   `<html>` instead);
 * - it is put back when the page removes or moves it, and loses any attribute the page sets on it
 *   (`hidden`, `inert`, `style`…); the `:host` rules' `!important` beat the page's CSS;
 * - while it is up, focus the page takes is sent back to "Go to pypi.org".
 * What a page can still do — freeze itself fighting these, or hide its whole document — the
 * background's mark on the tab (badge and title) does not depend on (utils/background/lookalike.ts).
 */
export function mountLookalikeWarning(ctx: ContentScriptContext, lookalike: Lookalike, continueToSite: () => Promise<boolean>): { remove(): void } {
  const host = document.createElement(unpredictableTagName());
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = LOOKALIKE_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  host.setAttribute('popover', 'manual');

  const listening = new AbortController();
  let primary: HTMLElement | null = null;
  let started = false;

  /** In the top layer (above any z-index); false where the browser has no popovers. */
  let onTop = false;
  const raise = () => {
    try {
      if (!host.isConnected) return;
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
      onTop = host.matches(':popover-open');
    } catch {
      onTop = false; // a browser without popovers: the z-index and the last place have to do
    }
  };
  const place = () => {
    const root = document.documentElement;
    if (!root) return;
    // In the top layer, what the page appends after the host cannot cover it; without it, the
    // host must stay the last child of <html> to win among equal z-indexes.
    if (host.parentNode === root && (onTop || root.lastElementChild === host)) return;
    root.append(host);
    raise();
  };
  // The page removed, moved or covered it: put it back on top.
  const pageGuard = new MutationObserver((records) => {
    place();
    if (records.some((record) => record.type === 'attributes' && record.target !== host)) raise(); // a dialog opened
  });
  // The page set an attribute on the host (hidden, inert, style, another popover mode): undo it.
  const hostGuard = new MutationObserver(() => {
    for (const name of host.getAttributeNames()) if (name !== 'popover') host.removeAttribute(name);
    if (host.getAttribute('popover') !== 'manual') {
      host.setAttribute('popover', 'manual');
      raise();
    }
  });

  const start = () => {
    if (started || listening.signal.aborted) return;
    started = true;
    place();
    pageGuard.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['open'] });
    hostGuard.observe(host, { attributes: true });
    const fromPage = (event: Event) => !event.composedPath().includes(host);
    // Another popover opened over the warning.
    window.addEventListener('toggle', (event) => fromPage(event) && (event as Event & { newState?: string }).newState === 'open' && raise(), { capture: true, signal: listening.signal });
    // Focus the page takes goes back to the main action while the warning is up.
    window.addEventListener('focusin', (event) => fromPage(event) && primary?.isConnected && primary.focus(), { capture: true, signal: listening.signal });
    render(<LookalikeInterstitial lookalike={lookalike} continueToSite={proceed} onPrimary={(element) => (primary = element)} />, container);
  };
  const remove = () => {
    listening.abort();
    pageGuard.disconnect();
    hostGuard.disconnect();
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
