import { browser } from '@wxt-dev/browser';

/**
 * An element's shadow root, closed ones included: content scripts may see them (Chrome's
 * `dom.openOrClosedShadowRoot`, Firefox's `Element.openOrClosedShadowRoot`), so a page cannot
 * hide a password field from the look-alike probe in a closed shadow root.
 */
export function anyShadowRootOf(element: Element): ShadowRoot | null {
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  try {
    return browser.dom?.openOrClosedShadowRoot(element as HTMLElement) ?? element.shadowRoot;
  } catch {
    return element.shadowRoot;
  }
}
