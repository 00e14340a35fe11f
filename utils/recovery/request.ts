import type { PypiHost } from '../pypi/hosts';
import type { EmailFact } from '../pypi/snapshot';
import { describeMethods, type Answers } from './decision';
import { isoDay, type RecoveryAccountFacts } from './facts';
import { describeRemoved, findSecrets, scrubSecrets, type SecretKind } from './secrets';
import { PYPI_USERNAME } from '../schema-parts';
import { t } from '../text/messages';

/**
 * Builds the account-recovery request for PyPI support (pypi-facts.md §9). The form is a GitHub
 * issue form whose fields have no ids, so nothing but the template and title can travel in the URL:
 * the user opens the form at the exact URL PyPI's help page uses, and pastes each field from here.
 * Nothing is sent by PyPI Guard.
 *
 * The builder reads only the named fields of its input: a password or anything else that rides
 * along on the object never reaches the output, and every value it writes passes the secret scrub.
 */

/** Exactly the link on PyPI's help page (/help/#account-recovery). */
export const SUPPORT_FORM_URL =
  'https://github.com/pypi/support/issues/new?assignees=&labels=account-recovery&template=account-recovery.yml&title=Account+recovery+request';
export const SUPPORT_FORM_TITLE = 'Account recovery request';
export const CODE_OF_CONDUCT_URL = 'https://policies.python.org/python.org/code-of-conduct/';

/** The two causes the form's reason field lists, in its own words. */
export const REASON_LOST_TWO_FACTOR = 'Lost 2FA authentication app or security token';
export const REASON_LOST_EMAIL = 'Lost access to email address';

/** PyPI's username rule (pypi-facts.md §7), kept once in schema-parts. */
export const USERNAME_PATTERN = PYPI_USERNAME;

/**
 * The issue is public. Email addresses are masked by default: enough for an admin to recognise
 * them, not enough for a spammer; the admins write to the address on file anyway.
 */
export type EmailDisclosure = 'masked' | 'full' | 'none';

export interface RequestInput {
  host: PypiHost;
  /** As typed or as stored; surrounding backticks and spaces are ignored. */
  username: string;
  answers: Answers;
  /** The user's own words for the reason. */
  reasonText?: string;
  /** Anything else the user wants the admins to know. */
  extraDetails?: string;
  facts?: RecoveryAccountFacts;
  emailDisclosure?: EmailDisclosure;
}

export const FORM_FIELD_IDS = ['intro', 'username', 'reason', 'recovery-codes', 'code-of-conduct', 'acknowledgement'] as const;
export type FormFieldId = (typeof FORM_FIELD_IDS)[number];

export interface MarkdownField {
  id: 'intro';
  kind: 'markdown';
  text: string;
}
export interface TextField {
  id: 'username' | 'reason';
  kind: 'input' | 'textarea';
  label: string;
  description: string;
  required: true;
  value: string;
}
export interface CheckboxField {
  id: 'recovery-codes' | 'code-of-conduct' | 'acknowledgement';
  kind: 'checkboxes';
  label: string;
  description: string;
  option: string;
  required: true;
  link?: { text: string; url: string };
  /** Why the user must tick it themselves, and when it is true. */
  explanation: string;
}
export type FormField = MarkdownField | TextField | CheckboxField;

export interface Problem {
  field: 'username' | 'reason' | 'extra';
  message: string;
  /** A blocking problem keeps the form from being opened until fixed. */
  blocking: boolean;
}

export interface SupportRequest {
  formUrl: string;
  title: string;
  /** In the form's order. */
  fields: FormField[];
  /** Everything as one Markdown document, for a copy or an email reply. */
  markdown: string;
  problems: Problem[];
}

export function normaliseUsername(typed: string): string {
  return typed.trim().replace(/^`+|`+$/g, '').trim();
}

export function usernameProblem(typed: string): string | null {
  const username = normaliseUsername(typed);
  if (username === '') return t('request_username_empty');
  const secret = findSecrets(username)[0];
  if (secret) return t(secret.kind === 'recovery-code' ? 'request_username_recovery_code' : 'request_username_secret');
  if (!USERNAME_PATTERN.test(username)) {
    return t('request_username_pattern');
  }
  return null;
}

export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '…';
  const local = [...address.slice(0, at)];
  const shown = local.length > 2 ? `${local[0]}…${local.at(-1)}` : `${local[0]}…`;
  return `${shown}@${address.slice(at + 1)}`;
}

function describeEmail(email: EmailFact, disclosure: EmailDisclosure): string {
  // A flag the page did not show is left out rather than guessed.
  const tags = [email.primary ? 'primary' : null, email.verified === undefined ? null : email.verified ? 'verified' : 'unverified'].filter(Boolean).join(', ');
  return `${disclosure === 'full' ? email.address : maskEmail(email.address)}${tags ? ` (${tags})` : ''}`;
}

function lostMethods(facts: RecoveryAccountFacts | undefined): string {
  const methods = facts?.twoFactor ? describeMethods(facts.twoFactor.value) : '';
  return methods ? `my two-factor method (the account has ${methods})` : 'my two-factor device';
}

/** The reason's sentences from the answers; the tree's route decides which apply. */
export function whatHappened(answers: Answers, facts: RecoveryAccountFacts | undefined): string[] {
  const lines: string[] = [];
  if (answers.twoFactor === 'lost') lines.push(`I can no longer complete two-factor authentication: I lost ${lostMethods(facts)}.`);
  if (answers.otherFactor === 'none') lines.push('No other two-factor method (security key or remembered browser) works for me.');
  if (answers.recoveryCodes === 'no') lines.push('I do not have an unused recovery code.');
  if (answers.password === 'forgotten') lines.push('I forgot my PyPI password.');
  if (answers.password === 'disabled') lines.push('PyPI disabled my password because it appeared in a data breach, so it has to be reset.');
  if (answers.password === 'works') lines.push('I still know my password.');
  if (answers.email === 'no') lines.push('I can no longer read mail sent to the email address on the account.');
  if (answers.email === 'no') {
    // Without the domain's name: the issue is public, and the user chooses how much of the address it shows.
    const lapsed = (facts?.emailDomains ?? []).filter((domain) => domain.lapsed);
    if (lapsed.length > 0) {
      const checkedAt = Math.max(...lapsed.map((domain) => domain.checkedAt));
      lines.push(`The domain of that address has lapsed (its registry's public RDAP record, ${isoDay(checkedAt)}): mail to it may reach whoever registers it next, so please do not rely on it.`);
    }
  }
  if (answers.email === 'yes') lines.push('I can still read mail sent to the email address on the account.');
  return lines;
}

/** Which account this is: known from the typed username alone. */
export function identityLines(host: PypiHost, username: string): string[] {
  const lines: string[] = [];
  if (host !== 'pypi.org') lines.push(`This is a TestPyPI account (${host}).`);
  if (username) lines.push(`Profile: https://${host}/user/${username}/`);
  return lines;
}

/** Account facts PyPI Guard saw, for the public issue (emails per the disclosure choice). */
export function accountFactLines(facts: RecoveryAccountFacts | undefined, disclosure: EmailDisclosure): string[] {
  const lines: string[] = [];
  if (!facts) return lines;
  if (facts.dateJoined) lines.push(`Account created: ${isoDay(facts.dateJoined.value)}`);
  const emails = facts.emails?.value ?? [];
  if (disclosure !== 'none' && emails.length > 0) {
    lines.push(`Email addresses on the account: ${emails.map((email) => describeEmail(email, disclosure)).join('; ')}`);
  }
  const projects = facts.projects?.value ?? [];
  if (projects.length > 0) lines.push(`Projects I maintain: ${projects.join(', ')}`);
  const repositories = (facts.projectSources?.value ?? []).filter((source) => source.repositoryUrl);
  if (repositories.length > 0) {
    lines.push(`Public source repositories of my projects: ${repositories.map((source) => `${source.project}: ${source.repositoryUrl}`).join('; ')}`);
  }
  if (facts.twoFactor) {
    const methods = describeMethods(facts.twoFactor.value);
    if (methods) lines.push(`Two-factor methods on the account: ${methods}`);
  }
  if (facts.lastSignInAt !== undefined) lines.push(`My last login that I know of: ${isoDay(facts.lastSignInAt)}`);
  return lines;
}

interface Cleaned {
  text: string;
  problems: Problem[];
}

function clean(field: Problem['field'], label: string, typed: string | undefined): Cleaned {
  const scrubbed = scrubSecrets((typed ?? '').trim());
  return { text: scrubbed.text, problems: describeRemoved(label, scrubbed.removed).map((message) => ({ field, message, blocking: false })) };
}

export function buildReason(input: RequestInput): { text: string; problems: Problem[] } {
  const { answers, facts, host } = input;
  const username = usernameProblem(input.username) ? '' : normaliseUsername(input.username);
  const causes: string[] = [];
  if (answers.twoFactor === 'lost' || answers.recoveryCodes === 'no') causes.push(REASON_LOST_TWO_FACTOR);
  if (answers.email === 'no') causes.push(REASON_LOST_EMAIL);
  if ((answers.password === 'forgotten' || answers.password === 'disabled') && answers.email === 'no') {
    causes.push('Cannot reset my password without that mailbox');
  }

  const own = clean('reason', 'Reason for request', input.reasonText);
  const extra = clean('extra', 'Additional details', input.extraDetails);
  const happened = whatHappened(answers, facts);
  const identity = identityLines(host, username);
  const known = accountFactLines(facts, input.emailDisclosure ?? 'masked');

  const parts: string[] = [];
  if (causes.length > 0) parts.push(causes.join('; ') + '.');
  if (own.text) parts.push(own.text);
  if (happened.length > 0) parts.push(happened.map((line) => `- ${line}`).join('\n'));
  if (identity.length > 0) parts.push(identity.map((line) => `- ${line}`).join('\n'));
  if (known.length > 0) {
    parts.push(['Facts about the account (recorded by my browser extension, PyPI Guard, while I could log in):', ...known.map((line) => `- ${line}`)].join('\n'));
  }
  if (extra.text) parts.push(`Additional details:\n${extra.text}`);

  const problems = [...own.problems, ...extra.problems];
  const text = parts.join('\n\n');
  if (!text) problems.push({ field: 'reason', message: t('request_reason_missing'), blocking: true });
  return { text, problems };
}

export function buildRequest(input: RequestInput): SupportRequest {
  const problems: Problem[] = [];
  const badUsername = usernameProblem(input.username);
  if (badUsername) problems.push({ field: 'username', message: badUsername, blocking: true });
  const username = badUsername ? '' : normaliseUsername(input.username);
  const reason = buildReason(input);
  problems.push(...reason.problems);

  const fields: FormField[] = [
    { id: 'intro', kind: 'markdown', text: '**Request for account recovery.**' },
    {
      id: 'username',
      kind: 'input',
      label: 'PyPI Username',
      description: 'Your PyPI username, wrapped in single backticks.',
      required: true,
      value: username ? `\`${username}\`` : '',
    },
    {
      id: 'reason',
      kind: 'textarea',
      label: 'Reason for request',
      description: `For example: “${REASON_LOST_EMAIL}” or “${REASON_LOST_TWO_FACTOR}”.`,
      required: true,
      value: reason.text,
    },
    {
      id: 'recovery-codes',
      kind: 'checkboxes',
      label: 'Recovery Codes',
      description: 'Every account generates eight recovery codes when two-factor authentication is enabled.',
      option: 'I never generated or have lost access to the recovery codes for my account',
      required: true,
      explanation: t('request_explain_recovery_codes'),
    },
    {
      id: 'code-of-conduct',
      kind: 'checkboxes',
      label: 'Code of Conduct',
      description: 'The Python Software Foundation’s rules for respectful behaviour, in the support repository as everywhere else.',
      option: 'I agree to follow the PSF Code of Conduct',
      required: true,
      link: { text: 'PSF Code of Conduct', url: CODE_OF_CONDUCT_URL },
      explanation: t('request_explain_code_of_conduct'),
    },
    {
      id: 'acknowledgement',
      kind: 'checkboxes',
      label: 'Acknowledgement',
      description: 'There may be a delay of a week or more between responses.',
      option: 'I understand that it may take a significant amount of time to process my account recovery request.',
      required: true,
      explanation: t('request_explain_acknowledgement'),
    },
  ];

  const scrubbed = fields.map(scrubField);
  return { formUrl: SUPPORT_FORM_URL, title: SUPPORT_FORM_TITLE, fields: scrubbed, markdown: toMarkdown(scrubbed), problems };
}

/** The last gate: whatever a field holds (stored project names included) passes the secret scrub. */
function scrubField<F extends FormField>(field: F): F {
  if (field.kind === 'markdown') return { ...field, text: scrubSecrets(field.text).text };
  if (field.kind === 'checkboxes') return field;
  return { ...field, value: scrubSecrets(field.value).text };
}

export function toMarkdown(fields: FormField[]): string {
  const blocks: string[] = [`# ${SUPPORT_FORM_TITLE}`];
  for (const field of fields) {
    if (field.kind === 'markdown') blocks.push(field.text);
    else if (field.kind === 'checkboxes') {
      const link = field.link ? ` (${field.link.url})` : '';
      blocks.push(`### ${field.label}`, `- [ ] ${field.option}${link}`);
    } else blocks.push(`### ${field.label}`, field.value || '_(to fill in)_');
  }
  blocks.push('_Tick each box yourself on the form; PyPI Guard never ticks them for you._');
  return blocks.join('\n\n') + '\n';
}

export function isBlocked(request: SupportRequest): boolean {
  return request.problems.some((problem) => problem.blocking);
}

export type { SecretKind };
