import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TrackerError,
  checkIssueUrl,
  createDraft,
  discardDraft,
  hasOpenRequest,
  listRequests,
  markAnswered,
  markResolved,
  markSubmitted,
  openRequestsFor,
  recordSubmission,
  transition,
} from '@/utils/recovery/tracker';
import { deleteStore, openStore } from '@/utils/store';
import { t } from '@/utils/text/messages';
import type { PypiGuardDb } from '@/utils/store/schema';
import type { RecoveryRequest, RecoveryRequestStatus } from '@/utils/store/types';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);
const ISSUE = 'https://github.com/pypi/support/issues/4363';

describe('checkIssueUrl', () => {
  it.each([
    [ISSUE, ISSUE, 4363],
    ['  https://github.com/pypi/support/issues/12/  ', 'https://github.com/pypi/support/issues/12', 12],
    ['https://github.com/pypi/support/issues/12#issuecomment-1', 'https://github.com/pypi/support/issues/12', 12],
    ['https://www.github.com/PyPI/Support/issues/7?x=1', 'https://github.com/pypi/support/issues/7', 7],
  ])('accepts %s', (typed, url, number) => {
    expect(checkIssueUrl(typed)).toEqual({ ok: true, url, number });
  });

  it.each([
    ['', /Paste the address/],
    ['4363', /not a web address/],
    ['http://github.com/pypi/support/issues/1', /not a GitHub address/],
    ['https://gitlab.com/pypi/support/issues/1', /not a GitHub address/],
    ['https://github.com/pypi/warehouse/issues/1', /not in PyPI’s support repository/],
    ['https://github.com/pypi/support/issues/new?template=account-recovery.yml', /Submit the form first/],
    ['https://github.com/pypi/support/pull/5', /not the address of one issue/],
    ['https://github.com/pypi/support/issues/0', /not the address of one issue/],
    ['https://github.com/pypi/support/issues/5/comments', /not the address of one issue/],
    ['https://github.com/pypi/support/issues', /not the address of one issue/],
  ])('rejects %j with an actionable message', (typed, message) => {
    const result = checkIssueUrl(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toContain('https://github.com/pypi/support/issues/1234');
    }
  });
});

describe('transition (pure)', () => {
  const draft: RecoveryRequest = { id: 'r', host: 'pypi.org', username: 'ada', status: 'drafted', createdAt: T0, updatedAt: T0 };

  it('sets submittedAt and the canonical URL only when submitted', () => {
    const submitted = transition(draft, 'submitted', T0 + DAY, `${ISSUE}/`);
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: T0 + DAY, updatedAt: T0 + DAY, issueUrl: ISSUE });
    const answered = transition(submitted, 'answered', T0 + 5 * DAY);
    expect(answered).toMatchObject({ status: 'answered', submittedAt: T0 + DAY, updatedAt: T0 + 5 * DAY });
    const resolved = transition(answered, 'resolved', T0 + 9 * DAY);
    expect(resolved).toMatchObject({ status: 'resolved', submittedAt: T0 + DAY, issueUrl: ISSUE });
  });

  it('refuses a submission without a valid issue URL', () => {
    expect(() => transition(draft, 'submitted', T0, 'https://github.com/pypi/support/issues/new')).toThrow(TrackerError);
    expect(() => transition(draft, 'submitted', T0)).toThrow(/Paste the address/);
  });

  const all: RecoveryRequestStatus[] = ['drafted', 'submitted', 'answered', 'resolved'];
  const allowed = new Set(['drafted>submitted', 'submitted>answered', 'submitted>resolved', 'answered>resolved']);
  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s → %s follows the allowed transitions', (from, to) => {
    const request: RecoveryRequest = { ...draft, status: from, ...(from === 'drafted' ? {} : { submittedAt: T0, issueUrl: ISSUE }) };
    const attempt = () => transition(request, to, T0 + DAY, ISSUE);
    if (allowed.has(`${from}>${to}`)) expect(attempt().status).toBe(to);
    else expect(attempt).toThrow(`This request is ${t(`tracker_status_${from}`)}; it cannot be changed that way.`);
  });
});

describe('the tracker store', () => {
  let db: PypiGuardDb;
  const name = 'pypi-guard-tracker-test';
  beforeEach(async () => {
    db = await openStore(name);
  });
  afterEach(async () => {
    db.close();
    await deleteStore(name);
  });

  it('walks a request from draft to resolved, keeping submittedAt for the follow-up reminder', async () => {
    const draft = await createDraft(db, 'pypi.org', 'Ada', T0);
    expect(draft).toMatchObject({ host: 'pypi.org', username: 'Ada', status: 'drafted', createdAt: T0 });
    expect(draft.submittedAt).toBeUndefined();
    expect(await hasOpenRequest(db, 'pypi.org', 'ada')).toBe(false);

    await markSubmitted(db, draft.id, ISSUE, T0 + DAY);
    expect(await hasOpenRequest(db, 'pypi.org', 'ADA')).toBe(true);
    expect(await hasOpenRequest(db, 'test.pypi.org', 'ada')).toBe(false);

    await markAnswered(db, draft.id, T0 + 10 * DAY);
    expect(await hasOpenRequest(db, 'pypi.org', 'ada')).toBe(true);
    const resolved = await markResolved(db, draft.id, T0 + 20 * DAY);
    expect(resolved).toMatchObject({ status: 'resolved', submittedAt: T0 + DAY, updatedAt: T0 + 20 * DAY, issueUrl: ISSUE });
    expect(await hasOpenRequest(db, 'pypi.org', 'ada')).toBe(false);
    expect(await listRequests(db)).toEqual([resolved]);
  });

  it('reuses a draft instead of making a second one', async () => {
    const first = await createDraft(db, 'pypi.org', 'ada', T0);
    const second = await createDraft(db, 'pypi.org', 'ADA', T0 + 1000);
    expect(second.id).toBe(first.id);
    expect(await listRequests(db)).toHaveLength(1);
  });

  it('leaves the stored request unchanged when a transition is refused', async () => {
    const draft = await createDraft(db, 'pypi.org', 'ada', T0);
    await expect(markSubmitted(db, draft.id, 'https://github.com/pypi/support/pull/1', T0 + 1)).rejects.toThrow(TrackerError);
    await expect(markAnswered(db, draft.id, T0 + 1)).rejects.toThrow(`This request is ${t('tracker_status_drafted')}; it cannot be changed that way.`);
    expect(await listRequests(db)).toEqual([draft]);
    await expect(markResolved(db, 'missing', T0)).rejects.toThrow(/no longer tracked/);
  });

  it('records a submission typed without a draft, and refuses tracking the same issue twice', async () => {
    const request = await recordSubmission(db, 'test.pypi.org', 'ada', `${ISSUE}#top`, T0);
    expect(request).toMatchObject({ host: 'test.pypi.org', status: 'submitted', submittedAt: T0, issueUrl: ISSUE });
    await expect(recordSubmission(db, 'pypi.org', 'bob', ISSUE, T0)).rejects.toThrow(/already tracked for ada/);
    expect(await openRequestsFor(db, 'test.pypi.org', 'Ada')).toEqual([request]);
  });

  it('lists newest first and discards only drafts', async () => {
    const older = await recordSubmission(db, 'pypi.org', 'ada', ISSUE, T0);
    const newer = await createDraft(db, 'pypi.org', 'bob', T0 + DAY);
    expect((await listRequests(db)).map((r) => r.id)).toEqual([newer.id, older.id]);
    await expect(discardDraft(db, older.id)).rejects.toThrow(/Only a draft/);
    await discardDraft(db, newer.id);
    expect((await listRequests(db)).map((r) => r.id)).toEqual([older.id]);
  });
});
