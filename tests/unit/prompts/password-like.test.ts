import { afterEach, describe, expect, it } from 'vitest';
import { isPasswordLike } from '@/utils/prompts/lookalike/password-like';
import { waitForDeep } from '@/utils/dom/wait-for';

afterEach(() => document.body.replaceChildren());

function input(attributes: Record<string, string>): HTMLInputElement {
  const field = document.createElement('input');
  for (const [name, value] of Object.entries(attributes)) field.setAttribute(name, value);
  document.body.append(field);
  return field;
}

describe('isPasswordLike', () => {
  it.each([
    ['a password input', { type: 'password' }],
    ['a text input with a password autocomplete token', { type: 'text', autocomplete: 'username current-password' }],
    ['a text input in a masking font', { type: 'text', style: 'font-family: text-security-disc' }],
    ['a text input named password', { name: 'password' }],
    ['a text input whose placeholder says Passwort', { placeholder: 'Passwort' }],
    ['a tel input labelled pwd', { type: 'tel', 'aria-label': 'pwd' }],
  ])('%s is one', (_name, attributes) => {
    expect(isPasswordLike(input(attributes))).toBe(true);
  });

  it.each([
    ['a plain text input', { type: 'text', name: 'username' }],
    ['a search box', { type: 'search', name: 'q' }],
    ['a checkbox named password', { type: 'checkbox', name: 'password' }],
    ['a hidden field named password', { type: 'hidden', name: 'password' }],
  ])('%s is not', (_name, attributes) => {
    expect(isPasswordLike(input(attributes))).toBe(false);
  });

  it('is false for anything but an input', () => {
    const area = document.createElement('textarea');
    area.setAttribute('name', 'password');
    expect(isPasswordLike(area)).toBe(false);
  });
});

describe('waitForDeep', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('finds a field that is already there', async () => {
    const field = input({ type: 'password' });
    expect(await waitForDeep(document, isPasswordLike)).toBe(field);
  });

  it('waits with no time limit for a field added later, or turned into one later', async () => {
    const found = waitForDeep(document, isPasswordLike);
    const text = input({ type: 'text', name: 'username' });
    await settle();
    const late = input({ type: 'text', name: 'login' });
    late.setAttribute('type', 'password');
    expect(await found).toBe(late);
    expect(text.isConnected).toBe(true);
  });

  it('looks into shadow roots, open ones and — given a way in — closed ones, also when they arrive later', async () => {
    const open = document.createElement('div');
    const closedHost = document.createElement('div');
    const closedRoot = closedHost.attachShadow({ mode: 'closed' });
    const roots = new Map<Element, ShadowRoot>([[closedHost, closedRoot]]);
    const found = waitForDeep(document, isPasswordLike, { shadowRootOf: (element) => element.shadowRoot ?? roots.get(element) ?? null });
    open.attachShadow({ mode: 'open' }).append(document.createElement('input'));
    document.body.append(open, closedHost);
    await settle();
    const hidden = document.createElement('input');
    hidden.type = 'password';
    closedRoot.append(hidden);
    expect(await found).toBe(hidden);
  });

  it('tests again the field the user turns to (a late style sheet can mask a text field)', async () => {
    const field = input({ type: 'text', name: 'secret-field' });
    let masked = false;
    const found = waitForDeep(document, (element) => element === field && masked);
    await settle();
    masked = true;
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(await found).toBe(field);
  });

  it('stops when told to, with null', async () => {
    const controller = new AbortController();
    const found = waitForDeep(document, isPasswordLike, { signal: controller.signal });
    controller.abort();
    expect(await found).toBeNull();
    input({ type: 'password' });
  });
});
