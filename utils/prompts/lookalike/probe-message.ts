/**
 * The one message the opt-in probe sends: it carries nothing, the background reads the sender's
 * URL from the browser. Kept apart (no imports) so the probe bundles nothing else.
 */
export const LOOKALIKE_PROBE_MESSAGE = { type: 'lookalike-password-form' } as const;
