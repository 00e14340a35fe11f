/** PyPI's request-password-reset form has one field (pypi-facts.md §2). */
export const RESET_USERNAME_FIELD = 'form input[name="username_or_email"]';

/**
 * Fills the reset form's empty username field with the username the background offers. Asks only
 * when there is an empty field (a reload of the "email sent" page must not use up the assistant's
 * choice), and checks again after the answer: whatever the user typed meanwhile stays.
 * Returns the username filled in, or null when the page was left alone.
 */
export async function prefillResetUsername(doc: Document, ask: () => Promise<string | null>): Promise<string | null> {
  if (!emptyField(doc)) return null;
  const username = await ask();
  const field = emptyField(doc);
  if (!username || !field) return null;
  field.value = username;
  // Scripts on the page listen for typing, not for value changes.
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return username;
}

function emptyField(doc: Document): HTMLInputElement | null {
  const field = doc.querySelector<HTMLInputElement>(RESET_USERNAME_FIELD);
  return field && field.value === '' ? field : null;
}
