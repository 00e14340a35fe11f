import type { PypiHost } from '../pypi/hosts';
import { accountIdOf } from '../store/types';

/**
 * Every in-page prompt, by id. The id is the prompt's `data-prompt` attribute, the key of its
 * dismissal in the `prompts` store, and its name in logs and tests.
 */
export const PROMPT_IDS = [
  'password',
  'enable-2fa',
  'add-second-method',
  'generate-recovery-codes',
  'totp-check',
  'save-recovery-codes',
  'security-events',
  'lost-2fa-help',
  'lookalike-host',
] as const;

export type PromptId = (typeof PROMPT_IDS)[number];

export function isPromptId(value: string): value is PromptId {
  return (PROMPT_IDS as readonly string[]).includes(value);
}

/**
 * Whose dismissals apply on a page: an account — the one the page names, the one typed in the
 * login or register form, or on the two-factor and recovery-code steps the login pending in the
 * tab — else, only when no account is known (the reset page, an empty login form), the whole
 * PyPI host.
 */
export type PromptScope = `${PypiHost}` | `${PypiHost}/${string}`;

export function promptScopeOf(host: PypiHost, username: string | null | undefined): PromptScope {
  return username ? accountIdOf(host, username) : host;
}

/** The `prompts` store key: `<scope>|<promptId>`, e.g. `pypi.org/alice|enable-2fa`. */
export function promptStateKey(scope: PromptScope, id: PromptId): string {
  return `${scope}|${id}`;
}
