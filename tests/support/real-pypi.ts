import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedOrSkip, skipReason } from './shared-dir';

/*
 * The corpus of pages rendered from PyPI's own templates (`../shared/real-pypi/`, see its README):
 * three accounts in PyPI's fourteen locales, with the facts each page shows (`expected.json`) and
 * the secrets it shows (`secrets.json`). Read in place, never copied into the project. Used by the
 * unit conformance tests and the e2e run over the same pages.
 */

/** The corpus folder, or null off CI when it is missing (callers skip and print `CORPUS_SKIP_REASON`). */
export const CORPUS_DIR = sharedOrSkip('real-pypi');
export const CORPUS_SKIP_REASON = skipReason('real-pypi');

export const SCENARIOS = ['frank', 'gina', 'hank'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** PyPI's KNOWN_LOCALES, in its order (warehouse/i18n/__init__.py). */
export const CORPUS_LOCALES = ['en', 'es', 'fr', 'ja', 'pt_BR', 'uk', 'el', 'de', 'zh_Hans', 'zh_Hant', 'ru', 'he', 'eo', 'ko'] as const;
export type CorpusLocale = (typeof CORPUS_LOCALES)[number];

/** "Now" in the corpus: its security history shows the 90 days before it (README). */
export const CORPUS_NOW = Date.UTC(2026, 10, 25, 6, 0, 0);

export const USER_MENU_INCLUDE = '/_includes/authed/current-user-indicator/';
export const USER_MENU_FILE = 'include-current-user-indicator.html';

// ---- expected.json ---------------------------------------------------------------------------

export interface ExpectedFile {
  route_name: string;
  /** The route; the two-factor login step has `?<two_factor token>` as its query. */
  path: string;
  template: string;
  logged_in: boolean;
}

export interface ExpectedEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

export interface ExpectedTwoFactor {
  totp: boolean;
  security_keys: string[];
  recovery_codes: { enabled: boolean; generated: string | null; unused: number; total: number };
}

export interface ExpectedToken {
  name: string;
  account_wide: boolean;
  scope_text: string | null;
  projects: string[];
  created: string;
  last_used: string | null;
  never_used: boolean;
}

export interface ExpectedEvent {
  tag: string;
  time: string;
  summary_en: string;
  additional: Record<string, unknown>;
  location: string;
  device: string;
}

/** The facts one page shows; which fields are present depends on the page. */
export interface ExpectedPage {
  locale: CorpusLocale;
  username?: string;
  name?: string;
  date_joined?: string;
  emails?: ExpectedEmail[];
  two_factor?: ExpectedTwoFactor;
  twofa_tables?: { recovery_codes: boolean; methods: boolean };
  api_tokens?: ExpectedToken[];
  events?: ExpectedEvent[];
  events_not_shown?: { tag: string; time: string }[];
  offers?: { totp: boolean; webauthn: boolean; recovery_code: boolean };
  recovery_code_count?: number;
  recovery_codes_generated?: string;
}

export interface Expected {
  scenario: Scenario;
  now: string;
  /** Keyed `<locale>/<page file>`. */
  files: Record<string, ExpectedFile>;
  pages: Record<string, ExpectedPage>;
}

export interface Secrets {
  totp_provision_secret?: string;
  totp_provision_uri?: string;
  recovery_codes?: string[];
  existing_user_totp_secret_b32_not_rendered?: string;
  csrf_tokens: Record<string, string>;
  two_factor_login_query_token?: string;
  camo_key_stub?: string;
}

function corpusPath(...parts: string[]): string {
  if (!CORPUS_DIR) throw new Error(CORPUS_SKIP_REASON);
  return path.join(CORPUS_DIR, ...parts);
}

const expectedCache = new Map<Scenario, Expected>();

export function expectedOf(scenario: Scenario): Expected {
  let expected = expectedCache.get(scenario);
  if (!expected) {
    expected = JSON.parse(readFileSync(corpusPath(scenario, 'expected.json'), 'utf8')) as Expected;
    expectedCache.set(scenario, expected);
  }
  return expected;
}

export function secretsOf(scenario: Scenario): Secrets {
  return JSON.parse(readFileSync(corpusPath(scenario, 'secrets.json'), 'utf8')) as Secrets;
}

/**
 * Every secret string a scenario's pages show or hold: TOTP keys and URIs, recovery codes, CSRF
 * tokens, the two-factor login token. None may ever reach the extension's storage.
 */
export function secretStringsOf(scenario: Scenario): string[] {
  const secrets = secretsOf(scenario);
  return [
    secrets.totp_provision_secret,
    secrets.totp_provision_uri,
    secrets.existing_user_totp_secret_b32_not_rendered,
    secrets.two_factor_login_query_token,
    ...(secrets.recovery_codes ?? []),
    ...Object.values(secrets.csrf_tokens),
  ].filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
}

/** The page files of a scenario (the same in every locale), the user-menu include first. */
export function pageFilesOf(scenario: Scenario): string[] {
  return readdirSync(corpusPath(scenario, 'en'))
    .filter((file) => file.endsWith('.html'))
    .sort((a, b) => Number(b === USER_MENU_FILE) - Number(a === USER_MENU_FILE) || a.localeCompare(b));
}

export function readCorpusFile(scenario: Scenario, locale: CorpusLocale, file: string): string {
  return readFileSync(corpusPath(scenario, locale, file), 'utf8');
}

/**
 * The order a user meets a scenario's pages in: signing in, the codes page PyPI shows right after
 * making them (the corpus shows them as they were then, all 8 unused), the TOTP set-up, then the
 * account pages, which show the state of "now". Unit and e2e runs visit them in this order.
 */
export const VISIT_ORDER = ['login.html', 'accounts-two-factor.html', 'recovery-codes.html', 'totp-provision.html', 'manage-account.html', 'two-factor.html', 'unverified-account.html'];

export function visitOrderOf(scenario: Scenario): string[] {
  const files = pageFilesOf(scenario);
  const missing = files.filter((file) => file !== USER_MENU_FILE && !VISIT_ORDER.includes(file));
  if (missing.length > 0) throw new Error(`${scenario}: no place in VISIT_ORDER for ${missing.join(', ')}`);
  return VISIT_ORDER.filter((file) => files.includes(file));
}

/** The URL a page is served at on pypi.org; the two-factor step's token as its whole query, as PyPI sends it. */
export function urlOf(scenario: Scenario, file: string): URL {
  const route = expectedOf(scenario).files[`en/${file}`];
  if (!route) throw new Error(`${scenario}: no route for ${file} in expected.json`);
  const token = secretsOf(scenario).two_factor_login_query_token ?? '';
  return new URL(`https://pypi.org${route.path.replace('<two_factor token>', token)}`);
}

// ---- what the audit must say (README, "The audit") ---------------------------------------------

export type ExpectedStatus = 'pass' | 'warn' | 'fail' | 'unknown';

/**
 * Each check's status for each account once every corpus page of it was read, at CORPUS_NOW, with
 * nothing PyPI Guard learns itself (no password typed, no history acknowledged, no projects page
 * seen). Written from the README's audit rules and the corpus README's account notes, not from
 * running the audit:
 *
 * frank — TOTP only; 2 of 8 codes unused; primary verified, backup unverified; an account-wide
 * token never used since 2023; history with failed logins, a recovery-code login and a new device;
 * password changed on 2026-10-03.
 * - two-factor pass (one method); second-factor-method warn (only one).
 * - recovery-codes pass (listed); recovery-codes-remaining warn (2 ≤ 3 left).
 * - verified-email warn: verified primary, but no *verified* address on another domain.
 * - api-tokens warn: an account-wide token (and idle 90+ days).
 * - security-events fail: failed sign-ins, a recovery code used, a new device, not acknowledged.
 * - password-age pass: changed 53 days ago, default schedule 180 days.
 * - password-strength unknown (never typed); recovery-readiness unknown (projects not seen).
 * - data-freshness pass (seen now).
 *
 * gina — no 2FA, no codes, one unverified primary email, no tokens; history: reset request, reset,
 * a sign-in without 2FA, a wrong password.
 * - two-factor fail; second-factor-method warn (none yet).
 * - recovery-codes warn and recovery-codes-remaining warn: none listed, 2FA off.
 * - verified-email fail; recovery-readiness warn (no verified primary email).
 * - api-tokens pass (none); security-events fail (failed sign-in, password reset).
 * - password-age pass: the reset of 2026-11-16 is a password change.
 * - password-strength unknown; data-freshness pass.
 *
 * hank — TOTP and two keys; every code used (no recovery table) but the history shows them
 * regenerated; two verified emails on different domains; two project tokens, one last used in
 * April; history with a removed key.
 * - two-factor pass; second-factor-method pass (3 methods).
 * - recovery-codes pass (generated, per the history); recovery-codes-remaining fail (2FA on, 0 left).
 * - verified-email pass (backup on another domain).
 * - api-tokens warn: "hank-drivers upload" unused for 90+ days.
 * - security-events fail: a 2FA method removed, not acknowledged.
 * - password-age unknown (no change in the 90 days shown); password-strength unknown;
 *   recovery-readiness unknown (projects not seen); data-freshness pass.
 */
export const EXPECTED_AUDIT: Record<Scenario, Record<string, ExpectedStatus>> = {
  frank: {
    'two-factor': 'pass',
    'security-events': 'fail',
    'recovery-codes': 'pass',
    'recovery-codes-remaining': 'warn',
    'second-factor-method': 'warn',
    'verified-email': 'warn',
    'password-strength': 'unknown',
    'password-age': 'pass',
    'api-tokens': 'warn',
    'recovery-readiness': 'unknown',
    'data-freshness': 'pass',
  },
  gina: {
    'two-factor': 'fail',
    'security-events': 'fail',
    'recovery-codes': 'warn',
    'recovery-codes-remaining': 'warn',
    'second-factor-method': 'warn',
    'verified-email': 'fail',
    'password-strength': 'unknown',
    'password-age': 'pass',
    'api-tokens': 'pass',
    'recovery-readiness': 'warn',
    'data-freshness': 'pass',
  },
  hank: {
    'two-factor': 'pass',
    'security-events': 'fail',
    'recovery-codes': 'pass',
    'recovery-codes-remaining': 'fail',
    'second-factor-method': 'pass',
    'verified-email': 'pass',
    'password-strength': 'unknown',
    'password-age': 'unknown',
    'api-tokens': 'warn',
    'recovery-readiness': 'unknown',
    'data-freshness': 'pass',
  },
};

/** The username each scenario signs in as (its user-menu include names it). */
export function usernameOf(scenario: Scenario): string {
  const username = expectedOf(scenario).pages[`en/${USER_MENU_FILE}`]?.username;
  if (!username) throw new Error(`${scenario}: expected.json names no user`);
  return username;
}
