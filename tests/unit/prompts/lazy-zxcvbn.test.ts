import { describe, expect, it, vi } from 'vitest';
import zxcvbnModule from 'zxcvbn';
import { lazyZxcvbn, preloadOnIntent } from '@/utils/prompts/password/lazy-zxcvbn';

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

  it('preloads when the user reaches the password field', async () => {
    const importModule = vi.fn(async () => zxcvbnModule);
    const lazy = lazyZxcvbn(importModule);
    const field = document.createElement('input');
    document.body.append(field);
    const controller = new AbortController();
    preloadOnIntent(lazy, field, controller.signal, 60_000);
    field.dispatchEvent(new FocusEvent('focus'));
    await vi.waitFor(() => expect(lazy.ready()).not.toBeNull());
    controller.abort();
  });
});
