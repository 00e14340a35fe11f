/**
 * A reminder's due period names what made it due. Most kinds have one trigger per period
 * (`stale-audit:<due time>`); a password reminder can have several at once (a breach and the
 * calendar date), so its period is the set of them, joined: `breach:1+rotation-schedule:2`.
 *
 * "Done", "notified" and a snooze are recorded for a period and hold for every later period they
 * cover: one that names nothing new. A period that names a new trigger (evidence learned late, the
 * next calendar date) is news, whatever the triggers' own times are.
 */

/** Joins the triggers of a period. Never "@" (notification ids use it) and never in a trigger. */
export const PERIOD_PART_SEPARATOR = '+';

/** The period of a set of triggers: sorted and without repeats, so the same set is the same period. */
export function periodOf(parts: readonly string[]): string {
  return [...new Set(parts)].sort().join(PERIOD_PART_SEPARATOR);
}

export function periodParts(period: string): string[] {
  return period.split(PERIOD_PART_SEPARATOR);
}

/**
 * Whether what was recorded for `recorded` (done, notified, snoozed) also holds for `period`:
 * every trigger of `period` was already in `recorded`. For one-trigger periods this is equality.
 */
export function periodCovers(recorded: string | undefined, period: string): boolean {
  if (recorded === undefined) return false;
  if (recorded === period) return true;
  const known = new Set(periodParts(recorded));
  return periodParts(period).every((part) => known.has(part));
}
