import { describe, expect, it } from 'vitest';
import { newSinceLastVisit, SAME_VISIT_GAP_MS } from '@/utils/events/new-since-last-visit';
import { DAY, event, NOW } from '../audit/builders';

/** The page views that read the history, for a story told in days before NOW. */
const FIRST_VISIT = NOW - 20 * DAY;
const LAST_VISIT = NOW - 5 * DAY;
/** This page view: its snapshot is stored at NOW, the content script asks about views since NOW - 5 s. */
const THIS_VIEW = NOW;
const PAGE_SEEN_AFTER = NOW - 5_000;

const baseline = [
  event('account:create', NOW - 80 * DAY, { firstSeenAt: FIRST_VISIT }),
  event('account:two_factor:method_added', NOW - 60 * DAY, { firstSeenAt: FIRST_VISIT }),
];
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('newSinceLastVisit', () => {
  it('calls nothing new on the first look at a history, however recent its rows', () => {
    const rows = [event('account:email:add', NOW - DAY, { firstSeenAt: THIS_VIEW }), event('account:create', NOW - 80 * DAY, { firstSeenAt: THIS_VIEW })];
    expect(newSinceLastVisit(rows, [THIS_VIEW], PAGE_SEEN_AFTER)).toEqual({ firstLook: true, events: [] });
    // An empty history read before still counts as a look: what comes after it is new.
    expect(newSinceLastVisit(rows, [FIRST_VISIT, THIS_VIEW], PAGE_SEEN_AFTER)).toMatchObject({ firstLook: false, events: [{ tag: 'account:email:add' }, { tag: 'account:create' }] });
  });

  it('tells a quick reload from the first look (this view is the newest one, not everything in the last seconds)', () => {
    const firstLook = NOW - 2_000;
    const rows = [event('account:create', NOW - 80 * DAY, { firstSeenAt: firstLook }), event('account:email:add', NOW - 1_000, { firstSeenAt: THIS_VIEW })];
    expect(newSinceLastVisit(rows, [firstLook, THIS_VIEW], PAGE_SEEN_AFTER)).toMatchObject({ firstLook: false, events: [{ tag: 'account:email:add' }] });
  });

  it('marks benign rows first read on this visit, newest first, and not the rows of the last visit', () => {
    const emailAdded = event('account:email:add', NOW - 2 * DAY, { firstSeenAt: THIS_VIEW });
    const tokenAdded = event('account:api_token:added', NOW - DAY, { firstSeenAt: THIS_VIEW });
    const seenLastVisit = event('account:recovery_codes:regenerated', NOW - 6 * DAY, { firstSeenAt: LAST_VISIT });
    const result = newSinceLastVisit([...baseline, emailAdded, seenLastVisit, tokenAdded], [FIRST_VISIT, LAST_VISIT, THIS_VIEW], PAGE_SEEN_AFTER);
    expect(result.firstLook).toBe(false);
    expect(ids(result.events)).toEqual([tokenAdded.id, emailAdded.id]);
  });

  it('leaves out rows the user acknowledged with "It was me"', () => {
    const acknowledged = event('account:email:primary:change', NOW - 2 * DAY, { firstSeenAt: NOW - 60_000 });
    const after = event('account:two_factor:method_added', NOW - 1000, { firstSeenAt: THIS_VIEW });
    const views = [FIRST_VISIT, NOW - 60_000, THIS_VIEW];
    expect(ids(newSinceLastVisit([...baseline, acknowledged, after], views, PAGE_SEEN_AFTER, NOW - 30_000).events)).toEqual([after.id]);
    expect(newSinceLastVisit([...baseline, acknowledged], views, PAGE_SEEN_AFTER, NOW - 30_000).events).toEqual([]);
  });

  it('keeps rows new through reloads of the same visit, and not on the next visit', () => {
    const emailAdded = event('account:email:add', NOW - DAY, { firstSeenAt: LAST_VISIT });
    const rows = [...baseline, emailAdded];
    // A reload ten minutes after the view that first read the row: still the same visit.
    const reload = LAST_VISIT + 10 * 60_000;
    expect(ids(newSinceLastVisit(rows, [FIRST_VISIT, LAST_VISIT, reload], reload - 5_000).events)).toEqual([emailAdded.id]);
    // Days later: the row was new on the last visit, not since it.
    expect(newSinceLastVisit(rows, [FIRST_VISIT, LAST_VISIT, reload, THIS_VIEW], PAGE_SEEN_AFTER).events).toEqual([]);
    // Views chained within the gap are one visit; a longer pause starts a new one.
    const chained = [FIRST_VISIT, LAST_VISIT, LAST_VISIT + SAME_VISIT_GAP_MS, LAST_VISIT + 2 * SAME_VISIT_GAP_MS];
    const laterView = LAST_VISIT + 3 * SAME_VISIT_GAP_MS;
    expect(ids(newSinceLastVisit(rows, chained, laterView - 5_000).events)).toEqual([emailAdded.id]);
    expect(newSinceLastVisit(rows, chained, laterView + SAME_VISIT_GAP_MS).events).toEqual([]);
  });

  it('finds the last visit from the rows themselves when its snapshot was dropped', () => {
    const fresh = event('account:email:add', NOW - DAY, { firstSeenAt: THIS_VIEW });
    const seenBefore = event('account:api_token:added', NOW - 6 * DAY, { firstSeenAt: LAST_VISIT });
    // Only this view's snapshot is still stored.
    expect(ids(newSinceLastVisit([...baseline, seenBefore, fresh], [THIS_VIEW], PAGE_SEEN_AFTER).events)).toEqual([fresh.id]);
  });

  it('does not highlight routine rows (each visit follows a login)', () => {
    const signIn = event('account:login:success', NOW - 1000, { firstSeenAt: THIS_VIEW });
    const mail = event('account:email:sent', NOW - 2000, { firstSeenAt: THIS_VIEW });
    expect(newSinceLastVisit([...baseline, signIn, mail], [FIRST_VISIT, THIS_VIEW], PAGE_SEEN_AFTER).events).toEqual([]);
  });
});
