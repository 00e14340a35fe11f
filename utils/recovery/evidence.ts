import type { PypiHost } from '../pypi/hosts';
import type { EmailFact } from '../pypi/snapshot';
import { joinSentences, t } from '../text/messages';
import { isoDay, type RecoveryAccountFacts } from './facts';
import { pushTargets } from './next-steps';
import { scrubSecrets, type SecretKind } from './secrets';

/**
 * The evidence kit: what proves ownership of a PyPI account (the seed's list: username, email
 * addresses, packages uploaded, account creation date, the reason), filled from what PyPI Guard
 * stored. It is a private file for the user, so email addresses appear in full — but it never
 * holds a password, code, key or token: typed text passes the same secret scrub as the request.
 */

export const EVIDENCE_ITEM_IDS = [
  'username',
  'emails',
  'projects',
  'date-joined',
  'reason',
  'source-repositories',
  'two-factor-methods',
  'last-sign-in',
] as const;
export type EvidenceItemId = (typeof EVIDENCE_ITEM_IDS)[number];

export interface EvidenceItem {
  id: EvidenceItemId;
  label: string;
  /** Lines of the value; empty when not known. */
  values: string[];
  source: 'stored' | 'typed' | 'missing';
  /** When PyPI Guard saw the stored value. */
  seenAt?: number;
  /** Where to find or how to write the value when it is missing. */
  tip: string;
}

export interface EvidenceInput {
  host: PypiHost;
  username: string;
  facts?: RecoveryAccountFacts;
  /** The reason, in the user's words (or composed from their answers). */
  reason?: string;
  /** Things only the user knows: earlier addresses, where the package is developed… */
  notes?: string;
}

export interface EvidenceKit {
  host: PypiHost;
  username: string;
  items: EvidenceItem[];
  notes: string;
  /** Kinds of secret removed from the typed text, for a message. */
  removed: SecretKind[];
}

function item(id: EvidenceItemId, label: string, tip: string, stored?: { values: string[]; seenAt: number }): EvidenceItem {
  return stored && stored.values.length > 0
    ? { id, label, values: stored.values, source: 'stored', seenAt: stored.seenAt, tip }
    : { id, label, values: [], source: 'missing', tip };
}

/** An address with what PyPI said of it: "alice@example.org (primary, verified)". */
function describeAddress(email: EmailFact): string {
  const address = email.address;
  if (email.primary) {
    return email.verified === undefined ? t('evidence_email_primary', { address }) : t(email.verified ? 'evidence_email_primary_verified' : 'evidence_email_primary_unverified', { address });
  }
  return email.verified === undefined ? address : t(email.verified ? 'evidence_email_verified' : 'evidence_email_unverified', { address });
}

export function buildEvidenceKit(input: EvidenceInput): EvidenceKit {
  const { host, facts } = input;
  const username = input.username.trim();
  const profile = username ? `https://${host}/user/${username}/` : `https://${host}/`;
  const reason = scrubSecrets((input.reason ?? '').trim());
  const notes = scrubSecrets((input.notes ?? '').trim());

  const emails = facts?.emails;
  const items: EvidenceItem[] = [
    username
      ? { id: 'username', label: t('evidence_item_username'), values: [username], source: facts ? 'stored' : 'typed', tip: t('evidence_tip_username_known') }
      : { id: 'username', label: t('evidence_item_username'), values: [], source: 'missing', tip: t('evidence_tip_username_missing') },
    item(
      'emails',
      t('evidence_item_emails'),
      t('evidence_tip_emails'),
      emails && {
        values: emails.value.map(describeAddress),
        seenAt: emails.seenAt,
      },
    ),
    item(
      'projects',
      t('evidence_item_projects'),
      t('evidence_tip_projects', { profile }),
      facts?.projects && { values: facts.projects.value, seenAt: facts.projects.seenAt },
    ),
    item(
      'date-joined',
      t('evidence_item_date_joined'),
      t('evidence_tip_date_joined', { profile }),
      facts?.dateJoined && { values: [isoDay(facts.dateJoined.value)], seenAt: facts.dateJoined.seenAt },
    ),
    reason.text
      ? { id: 'reason', label: t('evidence_item_reason'), values: [reason.text], source: 'typed', tip: t('evidence_tip_reason_known') }
      : { id: 'reason', label: t('evidence_item_reason'), values: [], source: 'missing', tip: t('evidence_tip_reason_missing') },
    item(
      'source-repositories',
      t('evidence_item_source_repositories'),
      t('evidence_tip_source_repositories'),
      facts?.projectSources && {
        values: pushTargets(facts).map((target) => `${target.project}: ${target.repositoryUrl}`),
        seenAt: facts.projectSources.seenAt,
      },
    ),
    item(
      'two-factor-methods',
      t('evidence_item_two_factor_methods'),
      t('evidence_tip_two_factor_methods'),
      facts?.twoFactor && {
        values: [
          ...(facts.twoFactor.value.totp ? [t('evidence_method_totp')] : []),
          ...facts.twoFactor.value.securityKeys.map((name) => t('evidence_method_security_key', { name: t('quoted_name', { name }) })),
        ],
        seenAt: facts.twoFactor.seenAt,
      },
    ),
    facts?.lastSignInAt !== undefined
      ? { id: 'last-sign-in', label: t('evidence_item_last_sign_in'), values: [isoDay(facts.lastSignInAt)], source: 'stored', tip: '' }
      : { id: 'last-sign-in', label: t('evidence_item_last_sign_in'), values: [], source: 'missing', tip: t('evidence_tip_last_sign_in') },
  ];
  return { host, username, items, notes: notes.text, removed: [...new Set([...reason.removed, ...notes.removed])] };
}

export function evidenceFileName(kit: EvidenceKit, now: number): string {
  const who = (kit.username || 'account').replace(/[^A-Za-z0-9._-]/g, '_');
  return `pypi-evidence-${kit.host}-${who}-${isoDay(now)}.md`;
}

export function evidenceMarkdown(kit: EvidenceKit, now: number): string {
  const lines: string[] = [
    t('evidence_file_title', { username: kit.username || t('evidence_file_no_username'), host: kit.host }),
    '',
    t('evidence_file_saved', { date: isoDay(now) }),
    t('evidence_file_no_secrets'),
    '',
  ];
  for (const entry of kit.items) {
    const seen = entry.source === 'stored' && entry.seenAt !== undefined ? ` _${t('evidence_file_seen', { date: isoDay(entry.seenAt) })}_` : '';
    if (entry.values.length === 0) {
      lines.push(`- [ ] **${entry.label}**: ${joinSentences([t('evidence_file_not_known'), entry.tip])}`);
    } else if (entry.values.length === 1 && !entry.values[0]!.includes('\n')) {
      lines.push(`- [x] **${entry.label}**: ${entry.values[0]}${seen}`);
    } else {
      lines.push(`- [x] **${entry.label}**${seen}:`);
      for (const value of entry.values) lines.push(...value.split('\n').map((line, index) => (index === 0 ? `  - ${line}` : `    ${line}`)));
    }
  }
  if (kit.notes) lines.push('', `## ${t('evidence_file_notes')}`, '', kit.notes);
  lines.push('', `## ${t('evidence_file_using')}`, '', joinSentences([t('evidence_file_using_text'), describeKitHint(kit)]));
  return lines.join('\n') + '\n';
}

function describeKitHint(kit: EvidenceKit): string {
  const methods = kit.items.find((entry) => entry.id === 'two-factor-methods');
  return methods && methods.values.length > 0
    ? t('evidence_file_try_methods_first')
    : t('evidence_file_try_codes_first');
}

