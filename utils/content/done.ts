/**
 * What PyPI Guard's content scripts have finished on this page, counted in the extension's own
 * isolated world (one per frame, shared by its content scripts, out of the page's reach: the page
 * can neither read nor fake it). Nothing in the extension reads it: the end-to-end tests do,
 * through the DevTools protocol, so that an assertion that something did not happen first waits
 * for the step that would have done it — never for a fixed time.
 */
export type DoneStep =
  /** The page model read the page and the background answered its snapshot (or there was none). */
  | 'page-model'
  /** The password trigger watches the password fields (login, register, reset); the prompts come on their use. */
  | 'password-trigger'
  /** The prompts trigger watches the password fields (account and two-factor pages); the prompts come after load and idle, or on their use. */
  | 'prompts-trigger'
  /** A prompts script decided which prompts to mount (mounted or not). */
  | 'prompts'
  /** The dismissals of the typed account were asked again (login and register forms). */
  | 'prompts-silenced'
  /** The audit nudges got this page's audit from the background, or gave up waiting for it. */
  | 'audit'
  /** A breach check of the password field settled (a verdict, cached, disabled or failed). */
  | 'breach-check'
  /** The login page reported itself to the background (login-page-shown). */
  | 'login-page'
  /** The look-alike probe screened the host: `ignored`, `watching` or `found`. */
  | 'probe';

interface DoneRecord {
  count: number;
  last?: string;
}

export function markDone(step: DoneStep, detail?: string): void {
  const world = globalThis as { pypiGuardDone?: Partial<Record<DoneStep, DoneRecord>> };
  const done = (world.pypiGuardDone ??= {});
  done[step] = { count: (done[step]?.count ?? 0) + 1, ...(detail !== undefined && { last: detail }) };
}
