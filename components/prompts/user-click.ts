/**
 * Wraps the handler of a prompt control that changes something — what is stored, what the prompt
 * shows, a tab opened — so it runs only for the user's own click or key press (`event.isTrusted`),
 * never for a click a page script dispatched (`element.click()`, `dispatchEvent`). On pypi.org the
 * prompts live in an open shadow root that PyPI's scripts can reach (and so could an XSS there, or
 * another extension's main-world script); this keeps them from answering for the user. Every
 * state-changing control of every prompt goes through it.
 */
export function onUserClick<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
