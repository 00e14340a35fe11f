import { describe, expect, it } from 'vitest';
import { snapshotMessage } from '@/utils/content/history-json';
import type { Slicer } from '@/utils/dom/slices';
import { parseMessage } from '@/utils/messages';
import type { AccountSnapshot, SecurityEventFact } from '@/utils/pypi/snapshot';

function countingSlicer(): Slicer & { checkpoints: number } {
  const slicer = {
    checkpoints: 0,
    async checkpoint() {
      slicer.checkpoints++;
    },
  };
  return slicer;
}

const rows = (count: number): SecurityEventFact[] =>
  Array.from({ length: count }, (_, index) => ({
    tag: 'account:login:success',
    summary: `Logged in "quoted" \\ row ${index}`,
    time: Date.UTC(2026, 10, 1) - index * 60_000,
    location: 'Lagos, LA, NG',
    device: 'Chrome (Windows)',
    ...(index % 3 === 0 && { details: 'Two factor method: totp' }),
  }));

const snapshotWith = (securityEvents?: SecurityEventFact[]): AccountSnapshot => ({
  host: 'pypi.org',
  pageKind: 'account-settings',
  username: 'alice',
  seenAt: Date.UTC(2026, 10, 2),
  ...(securityEvents && { securityEvents }),
});

describe('snapshotMessage', () => {
  it('sends a long history as JSON text, written in slices, that the message schema reads back to the same rows', async () => {
    const events = rows(2_000);
    const slicer = countingSlicer();
    const message = await snapshotMessage(snapshotWith(events), slicer);
    expect(typeof message.snapshot.securityEvents).toBe('string');
    expect(slicer.checkpoints).toBeGreaterThan(2_000 / 500);
    const parsed = parseMessage(message);
    expect(parsed?.type).toBe('snapshot');
    expect(parsed?.type === 'snapshot' && parsed.snapshot.securityEvents).toEqual(events);
  });

  it('keeps a short history, and none, as they are', async () => {
    expect((await snapshotMessage(snapshotWith(rows(3)), countingSlicer())).snapshot.securityEvents).toEqual(rows(3));
    expect((await snapshotMessage(snapshotWith(), countingSlicer())).snapshot).not.toHaveProperty('securityEvents');
  });

  it('the schema checks history text as it checks rows: text that is not JSON, or rows PyPI Guard never writes, are refused', async () => {
    const message = await snapshotMessage(snapshotWith(rows(600)), countingSlicer());
    const text = message.snapshot.securityEvents as string;
    expect(parseMessage({ ...message, snapshot: { ...message.snapshot, securityEvents: text.slice(0, -1) } })).toBeNull();
    expect(parseMessage({ ...message, snapshot: { ...message.snapshot, securityEvents: JSON.stringify([{ tag: 'not-a-tag', summary: 'x', time: 1 }]) } })).toBeNull();
    expect(parseMessage({ ...message, snapshot: { ...message.snapshot, securityEvents: JSON.stringify({ length: 1 }) } })).toBeNull();
  });
});
