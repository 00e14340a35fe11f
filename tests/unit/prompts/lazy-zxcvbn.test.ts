import { afterEach, describe, expect, it, vi } from 'vitest';
import zxcvbnModule from 'zxcvbn';
import { lazyZxcvbn, preloadOnIntent } from '@/utils/prompts/password/lazy-zxcvbn';

afterEach(() => document.body.replaceChildren());

describe('lazyZxcvbn', () => {
  it('runs the module only when asked, once', async () => {
    const importModule = vi.fn(async () => zxcvbnModule);
    const lazy = lazyZxcvbn(importModule);
    expect(importModule).not.toHaveBeenCalled();
    expect(lazy.ready()).toBeNull();
    const [first, second] = await Promise.all([lazy.load(), lazy.load()]);
    expect(first).toBe(second);
    expect(importModule).toHaveBeenCalledTimes(1);
    expect(lazy.ready()?.('Tr0ub4dour&3').score).toBeGreaterThanOrEqual(0);
  });

  it('asks again after a failed load (the extension was busy or reloaded)', async () => {
    const importModule = vi.fn().mockRejectedValueOnce(new Error('no answer')).mockResolvedValue(zxcvbnModule);
    const lazy = lazyZxcvbn(importModule);
    await expect(lazy.load()).rejects.toThrow('no answer');
    expect(lazy.ready()).toBeNull();
    await expect(lazy.load()).resolves.toBe(zxcvbnModule);
    expect(importModule).toHaveBeenCalledTimes(2);
  });
});

describe('preloadOnIntent', () => {
  it('loads nothing while nobody is at the password field, however idle the page', async () => {
    const importModule = vi.fn(async () => zxcvbnModule);
    const field = document.createElement('input');
    document.body.append(field);
    preloadOnIntent(lazyZxcvbn(importModule), field, new AbortController().signal);
    // Events that are not intent (the decision is synchronous: no wait is needed to see it).
    field.dispatchEvent(new Event('blur'));
    document.body.dispatchEvent(new Event('mousemove', { bubbles: true }));
    expect(importModule).not.toHaveBeenCalled();
  });

  it('loads when the user reaches the password field', async () => {
    const lazy = lazyZxcvbn(async () => zxcvbnModule);
    const field = document.createElement('input');
    document.body.append(field);
    preloadOnIntent(lazy, field, new AbortController().signal);
    field.dispatchEvent(new FocusEvent('focus'));
    await vi.waitFor(() => expect(lazy.ready()).not.toBeNull());
  });

  it('loads at once when the field is focused already (the prompts came after the click)', async () => {
    const lazy = lazyZxcvbn(async () => zxcvbnModule);
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    preloadOnIntent(lazy, field, new AbortController().signal);
    await vi.waitFor(() => expect(lazy.ready()).not.toBeNull());
  });
});
