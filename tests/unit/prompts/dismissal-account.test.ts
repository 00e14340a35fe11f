import { afterEach, describe, expect, it } from 'vitest';
import { buildPromptEnv, withTypedAccount } from '@/utils/prompts/env';
import { findPasswordForm } from '@/utils/prompts/password/form';
import type { PageKind } from '@/utils/pypi/page-kinds';

/** Whose dismissals apply on PyPI's pages that name no account. */

afterEach(() => document.body.replaceChildren());

const envFor = (kind: PageKind, path = '/') => buildPromptEnv(new URL(`https://pypi.org${path}`), document, new AbortController().signal, kind);

describe('dismissalAccount', () => {
  it('on the two-factor and recovery-code steps: the login pending in this tab', async () => {
    expect((await envFor('two-factor', '/account/two-factor/?token')).dismissalAccount()).toEqual({ signingIn: true });
    expect((await envFor('recovery-code-login', '/account/recovery-code/?token')).dismissalAccount()).toEqual({ signingIn: true });
  });

  it('on the reset page (an opaque token, no account): nobody, so the whole host', async () => {
    expect((await envFor('reset-password', '/account/reset-password/?token=x')).dismissalAccount()).toEqual({});
  });

  it('on the login form: the username typed, read at each use and followed as it changes', async () => {
    const form = document.createElement('form');
    form.id = 'login-form';
    const username = Object.assign(document.createElement('input'), { name: 'username' });
    form.append(username, Object.assign(document.createElement('input'), { name: 'password', type: 'password' }));
    document.body.append(form);
    const env = withTypedAccount(await envFor('login', '/account/login/'), findPasswordForm('login', document)!);
    expect(env.dismissalAccount()).toEqual({});
    let changes = 0;
    env.watchDismissalAccount?.(() => changes++);
    username.value = 'Alice';
    username.dispatchEvent(new Event('change'));
    expect(changes).toBe(1);
    expect(env.dismissalAccount()).toEqual({ username: 'Alice' });
    // Not a PyPI username: as good as none.
    username.value = 'not a name!';
    expect(env.dismissalAccount()).toEqual({});
  });
});
