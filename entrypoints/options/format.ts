import { keyPart, t, type MessageId } from '@/utils/text/messages';

const KINDS = ['password-rotation', 'recovery-codes', 'check-up', 'recovery-follow-up', 'email-domain'] as const;
const isKnownKind = (kind: string): kind is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(kind);

export function kindTitle(kind: string): string {
  return isKnownKind(kind) ? t(`reminder_kind_${keyPart(kind)}` satisfies MessageId) : kind;
}
