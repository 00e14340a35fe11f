import type { Slicer } from '../dom/slices';
import type { SnapshotMessageInput } from '../messages';
import type { AccountSnapshot } from '../pypi/snapshot';

/** Rows written per step: a few milliseconds of JSON.stringify, so a slice holds several. */
const ROWS_PER_STEP = 250;

/**
 * The snapshot message for `snapshot`, its security history as JSON text written in slices.
 * `runtime.sendMessage` serialises what it sends in one go on PyPI's page: 10,000 history rows as
 * objects were one task of some 200 ms there (bench profile, 2026-12-05); one string of the same
 * rows costs the browser little more than a copy. The background reads the text back and checks
 * it with the same schema (utils/messages.ts, SnapshotMessageSchema).
 */
export async function snapshotMessage(snapshot: AccountSnapshot, slicer: Slicer): Promise<SnapshotMessageInput> {
  const { securityEvents } = snapshot;
  if (!securityEvents || securityEvents.length <= ROWS_PER_STEP) return { type: 'snapshot', snapshot };
  const parts: string[] = [];
  for (let from = 0; from < securityEvents.length; from += ROWS_PER_STEP) {
    await slicer.checkpoint();
    // Each step's array without its brackets: the parts joined by commas are the whole array's items.
    parts.push(JSON.stringify(securityEvents.slice(from, from + ROWS_PER_STEP)).slice(1, -1));
  }
  await slicer.checkpoint();
  return { type: 'snapshot', snapshot: { ...snapshot, securityEvents: `[${parts.join(',')}]` } };
}
