import { describe, expect, it, vi } from 'vitest';
import { prefillResetUsername } from '@/utils/content/prefill-reset';
import { detectPage } from '@/utils/pypi/pages';
import { fakeAt, open, parse, post } from '../fixtures/helpers';

const RESET_PATH = '/account/request-password-reset/';

/** The fake PyPI's reset page, as the content script finds it. */
function resetPage(): { doc: Document; field: HTMLInputElement } {
  const doc = open(fakeAt({ loggedIn: false }), RESET_PATH);
  expect(detectPage(new URL(`https://pypi.org${RESET_PATH}`), doc)).toBe('request-password-reset');
  const field = doc.querySelector<HTMLInputElement>('input[name="username_or_email"]');
  if (!field) throw new Error('the fixture reset page has no username_or_email field');
  return { doc, field };
}

describe('prefilling the password reset form', () => {
  it('fills the empty field and tells the page with an input event', async () => {
    const { doc, field } = resetPage();
    const inputs: string[] = [];
    doc.addEventListener('input', (event) => inputs.push((event.target as HTMLInputElement).value));
    await expect(prefillResetUsername(doc, async () => 'alice')).resolves.toBe('alice');
    expect(field.value).toBe('alice');
    expect(inputs).toEqual(['alice']); // bubbled up from the field
  });

  it('leaves what the user typed, without asking the background', async () => {
    const { doc, field } = resetPage();
    field.value = 'alice@example.org';
    const ask = vi.fn(async () => 'bob');
    await expect(prefillResetUsername(doc, ask)).resolves.toBeNull();
    expect(field.value).toBe('alice@example.org');
    expect(ask).not.toHaveBeenCalled();
  });

  it('leaves what the user typed while the background was answering', async () => {
    const { doc, field } = resetPage();
    const changed = vi.fn();
    field.addEventListener('input', changed);
    await expect(
      prefillResetUsername(doc, async () => {
        field.value = 'ali';
        return 'bob';
      }),
    ).resolves.toBeNull();
    expect(field.value).toBe('ali');
    expect(changed).not.toHaveBeenCalled();
  });

  it('leaves the field empty when the background has no username', async () => {
    const { doc, field } = resetPage();
    const changed = vi.fn();
    field.addEventListener('input', changed);
    await expect(prefillResetUsername(doc, async () => null)).resolves.toBeNull();
    expect(field.value).toBe('');
    expect(changed).not.toHaveBeenCalled();
  });

  it('does nothing, and does not ask, on the "email sent" page that has no field', async () => {
    const fake = fakeAt({ loggedIn: false });
    const sent = parse(post(fake, RESET_PATH, { username_or_email: 'alice' }));
    expect(sent.querySelector('.callout-block--success')).not.toBeNull();
    const ask = vi.fn(async () => 'alice');
    await expect(prefillResetUsername(sent, ask)).resolves.toBeNull();
    expect(ask).not.toHaveBeenCalled();
  });

  it('ignores a username_or_email input outside a form', async () => {
    const doc = document.implementation.createHTMLDocument('not the reset form');
    const input = doc.createElement('input');
    input.name = 'username_or_email';
    doc.body.append(input);
    await expect(prefillResetUsername(doc, async () => 'alice')).resolves.toBeNull();
    expect(input.value).toBe('');
  });
});
