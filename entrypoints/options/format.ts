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
