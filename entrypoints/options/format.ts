/** A time in the user's own locale and time zone, for display only (never parsed back). */
export function formatDateTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

const KIND_TITLES: Record<string, string> = {
  'password-rotation': 'Password change',
  'recovery-codes': 'Recovery codes',
  'check-up': 'Security check-up',
  'recovery-follow-up': 'Recovery request follow-up',
  'email-domain': 'Email domain expiry',
};

export function kindTitle(kind: string): string {
  return KIND_TITLES[kind] ?? kind;
}
