import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LookalikeOptIn } from '@/entrypoints/options/LookalikeOptIn';
import { fakeOptInApi } from '../prompts/opt-in-fake';

afterEach(() => cleanup());

const toggle = () => screen.getByRole('checkbox', { name: /Warn on every site that looks like PyPI/ }) as HTMLInputElement;

describe('LookalikeOptIn (options page)', () => {
  it('asks for access from the click itself, then registers the probe', async () => {
    const { api, state, calls } = fakeOptInApi();
    const announce = vi.fn();
    render(<LookalikeOptIn api={api} announce={announce} />);
    await waitFor(() => expect(toggle().disabled).toBe(false));
    expect(toggle().checked).toBe(false);
    fireEvent.click(toggle());
    // The request is the click's first call: browsers accept it only inside the user's gesture.
    expect(calls[0]).toBe('request');
    await waitFor(() => expect(state.registered).toBe(true));
    await waitFor(() => expect(toggle().checked).toBe(true));
    expect(announce).toHaveBeenLastCalledWith('Look-alike check on every site is on.');
  });

  it('stays off when the user declines the browser’s request', async () => {
    const { api, state } = fakeOptInApi({ grants: false });
    const announce = vi.fn();
    render(<LookalikeOptIn api={api} announce={announce} />);
    await waitFor(() => expect(toggle().disabled).toBe(false));
    fireEvent.click(toggle());
    await waitFor(() => expect(announce).toHaveBeenCalledWith(expect.stringContaining('did not give PyPI Guard access')));
    expect(toggle().checked).toBe(false);
    expect(state.registered).toBe(false);
  });

  it('turns off: unregisters and gives the access back', async () => {
    const { api, state } = fakeOptInApi({ access: true, registered: true });
    const announce = vi.fn();
    render(<LookalikeOptIn api={api} announce={announce} />);
    await waitFor(() => expect(toggle().checked).toBe(true));
    fireEvent.click(toggle());
    await waitFor(() => expect(state).toEqual({ access: false, registered: false }));
    await waitFor(() => expect(toggle().checked).toBe(false));
    expect(announce).toHaveBeenLastCalledWith(expect.stringContaining('gave back its access'));
  });

  it('is disabled where the browser has no such API', async () => {
    const { api } = fakeOptInApi();
    const missing = () => Promise.reject(new TypeError('not implemented'));
    render(<LookalikeOptIn api={{ ...api, hasAccess: missing, isRegistered: missing }} announce={() => {}} />);
    expect(await screen.findByText('Not available in this browser.')).toBeTruthy();
    expect(toggle().disabled).toBe(true);
  });
});
