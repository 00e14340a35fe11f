import { generateSync } from 'otplib';
import { formatDuration } from '@/utils/text/format';

/** PyPI's TOTP parameters (pypi-facts.md §5): SHA1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** PyPI accepts the current step ±1; PyPI says "out of sync" up to ±10 steps. */
export const ACCEPTED_STEPS = 1;
export const SEARCHED_STEPS = 10;

/** A difference between this computer's clock and PyPI's worth telling the user about. */
export const CLOCK_WARNING_MS = 30_000;

const BASE32_KEY = /^[A-Z2-7]{16,128}=*$/;

/** The manual-entry key PyPI shows, normalised (spaces removed, upper case), or null if it is not one. */
export function readTotpKey(text: string | null | undefined): string | null {
  const key = (text ?? '').replace(/\s+/g, '').toUpperCase();
  return BASE32_KEY.test(key) ? key.replace(/=+$/, '') : null;
}

export type TotpCodeCheck =
  /** The code is right for the current step: PyPI will accept it now. */
  | { result: 'match'; step: 0 }
  /**
   * Right only for a neighbouring step: the phone's clock is off by about `step × 30` s. PyPI
   * still accepts ±1 step, and refuses ±2…±10 as "out of sync".
   */
  | { result: 'drift'; step: number; offsetSeconds: number; acceptedByPypi: boolean }
  | { result: 'no-match' };

/**
 * Which time step, relative to `nowMs`, a code belongs to: 0 first, then ±1, ±2 … up to
 * ±`maxSteps`. A positive step means the phone's clock runs ahead of this one. Pure: the key
 * and the code stay in the caller's memory.
 */
export function findCodeStep(key: string, code: string, nowMs: number, maxSteps = SEARCHED_STEPS): number | null {
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return null;
  const epoch = Math.floor(nowMs / 1000);
  for (let distance = 0; distance <= maxSteps; distance++) {
    for (const step of distance === 0 ? [0] : [distance, -distance]) {
      const token = generateSync({ secret: key, epoch: epoch + step * TOTP_PERIOD_SECONDS, algorithm: 'sha1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
      if (token === code) return step;
    }
  }
  return null;
}

/**
 * Classifies a typed code: right now, right for a neighbouring step (a clock off by that many
 * steps — ±1 already means about 30 s, which PyPI tolerates today but not after more drift), or
 * wrong for every step within ±10.
 */
export function checkTotpCode(key: string, code: string, nowMs: number): TotpCodeCheck {
  const step = findCodeStep(key, code, nowMs);
  if (step === null) return { result: 'no-match' };
  if (step === 0) return { result: 'match', step };
  return { result: 'drift', step, offsetSeconds: step * TOTP_PERIOD_SECONDS, acceptedByPypi: Math.abs(step) <= ACCEPTED_STEPS };
}

/**
 * This computer's clock minus the server's, from a response's `Date` header (1 s resolution)
 * and `Age` (seconds a cache held it), taking the request's midpoint as the moment it was
 * stamped. Null when the header is missing or unreadable.
 */
export function clockOffsetMs(dateHeader: string | null, ageHeader: string | null, sentAtMs: number, receivedAtMs: number): number | null {
  if (!dateHeader) return null;
  const serverTime = Date.parse(dateHeader);
  if (!Number.isFinite(serverTime)) return null;
  const age = Number(ageHeader ?? '0');
  const serverNow = serverTime + (Number.isFinite(age) && age > 0 ? age * 1000 : 0);
  const localMidpoint = (sentAtMs + receivedAtMs) / 2;
  return Math.round(localMidpoint - serverNow);
}

/** "2 minutes", "45 seconds", in the UI language: a rounded, human distance for a clock offset (the sentence around it says "about"). */
export function describeOffset(offsetMs: number): string {
  const seconds = Math.abs(Math.round(offsetMs / 1000));
  if (seconds < 90) return formatDuration(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return formatDuration(minutes, 'minute');
  return formatDuration(Math.round(minutes / 60), 'hour');
}

/**
 * Measures this computer's clock against PyPI's with one same-origin HEAD request for the home
 * page. Never the provisioning page itself: each GET of it makes PyPI issue a new key
 * (pypi-facts.md §5), which would break the set-up in progress.
 */
export async function measurePypiClockOffset(now: () => number, fetchImpl: typeof fetch = fetch): Promise<number | null> {
  try {
    const sentAt = now();
    const response = await fetchImpl('/', { method: 'HEAD', cache: 'no-store', credentials: 'same-origin', redirect: 'manual' });
    const receivedAt = now();
    return clockOffsetMs(response.headers.get('date'), response.headers.get('age'), sentAt, receivedAt);
  } catch {
    return null;
  }
}
