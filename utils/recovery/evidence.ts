import type { PypiHost } from '../pypi/hosts';
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

export function buildEvidenceKit(input: EvidenceInput): EvidenceKit {
  const { host, facts } = input;
  const username = input.username.trim();
  const profile = username ? `https://${host}/user/${username}/` : `https://${host}/`;
  const reason = scrubSecrets((input.reason ?? '').trim());
  const notes = scrubSecrets((input.notes ?? '').trim());

  const emails = facts?.emails;
  const items: EvidenceItem[] = [
    username
      ? { id: 'username', label: 'PyPI username', values: [username], source: facts ? 'stored' : 'typed', tip: 'Exactly as PyPI shows it.' }
      : { id: 'username', label: 'PyPI username', values: [], source: 'missing', tip: 'Your username is on every package page you maintain.' },
    item(
      'emails',
      'Email addresses on the account',
      'List every address you may have used with PyPI, including old ones; the admins write to the primary address.',
      emails && {
        values: emails.value.map((email) => `${email.address}${email.primary ? ' (primary)' : ''}${email.verified === undefined ? '' : email.verified ? ', verified' : ', unverified'}`),
        seenAt: emails.seenAt,
      },
    ),
    item(
      'projects',
      'Packages you uploaded or maintain',
      `Your public profile lists them: ${profile}`,
      facts?.projects && { values: facts.projects.value, seenAt: facts.projects.seenAt },
    ),
    item(
      'date-joined',
      'Account creation date',
      `Your public profile shows “Joined …”: ${profile}`,
      facts?.dateJoined && { values: [isoDay(facts.dateJoined.value)], seenAt: facts.dateJoined.seenAt },
    ),
    reason.text
      ? { id: 'reason', label: 'Reason for the request', values: [reason.text], source: 'typed', tip: 'What you lost and when.' }
      : { id: 'reason', label: 'Reason for the request', values: [], source: 'missing', tip: 'Write it when you need it: what you lost (two-factor device, email access, password) and when.' },
    item(
      'source-repositories',
      'Public source repositories you can push to',
      'PyPI’s admins may ask you to push a branch to one of your projects’ repositories.',
      facts?.projectSources && {
        values: pushTargets(facts).map((target) => `${target.project}: ${target.repositoryUrl}`),
        seenAt: facts.projectSources.seenAt,
      },
    ),
    item(
      'two-factor-methods',
      'Two-factor methods on the account',
      'Which authentication application or security keys you registered.',
      facts?.twoFactor && {
        values: [
          ...(facts.twoFactor.value.totp ? ['Authentication application (TOTP)'] : []),
          ...facts.twoFactor.value.securityKeys.map((label) => `Security key “${label}” (WebAuthn)`),
        ],
        seenAt: facts.twoFactor.seenAt,
      },
    ),
    facts?.lastSignInAt !== undefined
      ? { id: 'last-sign-in', label: 'Last login PyPI Guard saw', values: [isoDay(facts.lastSignInAt)], source: 'stored', tip: '' }
      : { id: 'last-sign-in', label: 'Last login PyPI Guard saw', values: [], source: 'missing', tip: 'Roughly when you last logged in, if you remember.' },
  ];
  return { host, username, items, notes: notes.text, removed: [...new Set([...reason.removed, ...notes.removed])] };
}

export function evidenceFileName(kit: EvidenceKit, now: number): string {
  const who = (kit.username || 'account').replace(/[^A-Za-z0-9._-]/g, '_');
  return `pypi-evidence-${kit.host}-${who}-${isoDay(now)}.md`;
}

export function evidenceMarkdown(kit: EvidenceKit, now: number): string {
  const lines: string[] = [
    `# PyPI account evidence kit: ${kit.username || '(username not given)'} on ${kit.host}`,
    '',
    `Saved on ${isoDay(now)} by PyPI Guard. Keep this file private: it lists your email addresses.`,
    'It holds no password, recovery code, two-factor key or token, and never should.',
    '',
  ];
  for (const entry of kit.items) {
    const seen = entry.source === 'stored' && entry.seenAt !== undefined ? ` _(seen on PyPI on ${isoDay(entry.seenAt)})_` : '';
    if (entry.values.length === 0) {
      lines.push(`- [ ] **${entry.label}**: not known yet. ${entry.tip}`);
    } else if (entry.values.length === 1 && !entry.values[0]!.includes('\n')) {
      lines.push(`- [x] **${entry.label}**: ${entry.values[0]}${seen}`);
    } else {
      lines.push(`- [x] **${entry.label}**${seen}:`);
      for (const value of entry.values) lines.push(...value.split('\n').map((line, index) => (index === 0 ? `  - ${line}` : `    ${line}`)));
    }
  }
  if (kit.notes) lines.push('', '## Notes', '', kit.notes);
  lines.push(
    '',
    '## Using it',
    '',
    `If you are ever locked out, file one account recovery request on https://github.com/pypi/support and answer the admins’ email from the primary address. ${describeKitHint(kit)}`,
  );
  return lines.join('\n') + '\n';
}

function describeKitHint(kit: EvidenceKit): string {
  const methods = kit.items.find((entry) => entry.id === 'two-factor-methods');
  return methods && methods.values.length > 0
    ? 'Before that, try every two-factor method listed above and your recovery codes.'
    : 'Before that, try your recovery codes.';
}

