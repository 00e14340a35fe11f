import { fireEvent } from '@testing-library/preact';

/**
 * A click as the user makes it: `isTrusted`. happy-dom never sets it (so `fireEvent.click` stands
 * for a click a page script dispatched), and in a browser no script can forge it.
 */
export function userClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  fireEvent(element, event);
}
