import type { PypiHost } from '../hosts';
import type { PageKind } from '../page-kinds';
import { READABLE_FACTS, type AccountSnapshot, type ReadableFact, type ReaderProblem } from '../snapshot';
import { parseAccountDetails } from './account-details';
import { isEnglishDocument, parseAccountEvents } from './account-events';
import { parseApiTokens } from './api-tokens';
import { signedInUsername } from './dom';
import { parseEmails } from './emails';
import { parseLoginMethods } from './login-pages';
import { parseProfile } from './profile';
import { parseProfileProjects, parseProjectsPage, parseTokenScopeProjects } from './projects';
import { readShownRecoveryCodes } from './recovery-codes-page';
import type { Read } from './read';
import { parseTwoFactorSection } from './two-factor-section';

export interface ParseContext {
  host: PypiHost;
  seenAt: number;
  /** For pages in another language: the same page fetched in English, to map security events. */
  englishDoc?: Document;
  /**
   * Read only the security-history rows at or after this time (epoch ms); the caller passes the
   * time just after the newest row stored (`AccountRecord.historyReadUpTo`). PyPI lists them newest
   * first, so a revisit reads the new rows only instead of the whole 90 days.
   */
  eventsAtOrAfter?: number;
}

type Facts = Omit<AccountSnapshot, 'host' | 'pageKind' | 'seenAt' | 'locale'>;

/**
 * What a PyPI page shows about the signed-in account, as a snapshot; null when the page says
 * nothing attributable (a login form, someone else's profile). Pure and never throws: a section it
 * cannot read is named in `unreadable`, never guessed.
 */
export function parsePage(kind: PageKind, doc: Document, context: ParseContext): AccountSnapshot | null {
  let facts: Facts | null;
  try {
    facts = factsOf(kind, doc, context);
  } catch {
    facts = null;
  }
  if (!facts) return null;
  const locale = doc.documentElement?.getAttribute('lang') ?? undefined;
  return {
    host: context.host,
    pageKind: kind,
    seenAt: context.seenAt,
    ...(locale && /^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$/.test(locale) && { locale }),
    ...facts,
  };
}

function factsOf(kind: PageKind, doc: Document, context: ParseContext): Facts | null {
  const signedIn = signedInUsername(doc);
  switch (kind) {
    case 'account-settings': {
      const details = parseAccountDetails(doc);
      const username = details.username ?? signedIn;
      if (!username) return null;
      const twoFactorSection = parseTwoFactorSection(doc);
      return withReadings({ ...details, username }, {
        emails: parseEmails(doc),
        twoFactor: twoFactorSection?.twoFactor,
        recoveryCodes: twoFactorSection?.recoveryCodes,
        apiTokens: parseApiTokens(doc),
        ...historyOf(doc, context),
      });
    }
    case 'unverified-account':
      return signedIn ? withReadings({ username: signedIn }, { emails: parseEmails(doc), ...historyOf(doc, context) }) : null;
    case 'two-factor-settings':
      return signedIn ? withReadings({ username: signedIn }, { ...parseTwoFactorSection(doc) }) : null;
    case 'projects':
      return signedIn ? { username: signedIn, projects: parseProjectsPage(doc) } : null;
    case 'api-token':
      return signedIn ? { username: signedIn, ...defined('projects', parseTokenScopeProjects(doc)) } : null;
    case 'recovery-codes': {
      if (!signedIn) return null;
      const shown = readShownRecoveryCodes(doc, context.seenAt);
      if (shown && 'missing' in shown) return withReadings({ username: signedIn }, { recoveryCodes: shown });
      return shown ? { username: signedIn, recoveryCodesShown: { count: shown.value.shown }, recoveryCodes: shown.value.codes } : { username: signedIn };
    }
    case 'profile': {
      const profile = parseProfile(doc);
      // Only the signed-in user's own profile says anything about their account.
      if (!signedIn || profile.username?.toLowerCase() !== signedIn.toLowerCase()) return null;
      return { ...profile, username: signedIn, projects: parseProfileProjects(doc) };
    }
    case 'two-factor':
      // Signed out at this step: the background attributes it to the login just submitted.
      return withReadings({}, { loginMethods: parseLoginMethods(doc) });
    case 'totp-provision':
    case 'webauthn-provision':
    case 'recovery-codes-burn':
    case 'reauthenticate':
      // These pages show secrets or nothing of the account's state: only the visit is recorded.
      return signedIn ? { username: signedIn } : null;
    default:
      return null;
  }
}

/** The readings of a page's sections, each absent (no such section), read, or missed. */
type Readings = { [F in ReadableFact]?: Read<NonNullable<Facts[F]>> } & Pick<Facts, 'historyReadInEnglish'>;

/** The facts read, and one problem per section that was there but not understood. */
function withReadings(facts: Facts, readings: Readings): Facts {
  const { historyReadInEnglish, ...sections } = readings;
  const unreadable: ReaderProblem[] = [];
  const result: Record<string, unknown> = { ...facts };
  for (const fact of READABLE_FACTS) {
    const reading = sections[fact];
    if (!reading) continue;
    if ('missing' in reading) unreadable.push({ fact, missing: reading.missing });
    else result[fact] = reading.value;
  }
  if (historyReadInEnglish && 'securityEvents' in result) result.historyReadInEnglish = true;
  if (unreadable.length > 0) result.unreadable = unreadable;
  return result as Facts;
}

/**
 * Whose security history a page shows (account settings, unverified account), or null: the page's
 * own details first, then the header's user menu. Read before parsing, to know the history's cursor.
 */
export function historyOwnerOf(kind: PageKind, doc: Document): string | null {
  try {
    if (kind === 'account-settings') return parseAccountDetails(doc).username ?? signedInUsername(doc) ?? null;
    if (kind === 'unverified-account') return signedInUsername(doc) ?? null;
  } catch {
    // a page it cannot read names nobody
  }
  return null;
}

/** The history rows (newer than the cursor), read from the English copy when there is one. */
function historyOf(doc: Document, context: ParseContext): Pick<Readings, 'securityEvents' | 'historyReadInEnglish'> {
  const source = context.englishDoc ?? doc;
  const securityEvents = parseAccountEvents(source, context.eventsAtOrAfter);
  if (securityEvents === undefined) return {};
  return isEnglishDocument(source) ? { securityEvents, historyReadInEnglish: true } : { securityEvents };
}

function defined<K extends keyof Facts>(key: K, value: Facts[K] | undefined): Partial<Facts> {
  return value === undefined ? {} : { [key]: value };
}
