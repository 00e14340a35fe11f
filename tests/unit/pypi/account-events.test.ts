import { describe, expect, it } from 'vitest';
import { newestEventTime, parseAccountEvents as readAccountEvents } from '@/utils/pypi/parse/account-events';
import type { SecurityEventFact } from '@/utils/pypi/snapshot';

/** The rows read, failing the test when the history was unreadable. */
function parseAccountEvents(doc: Document, atOrAfter?: number): SecurityEventFact[] | undefined {
  const read = readAccountEvents(doc, atOrAfter);
  if (read && 'missing' in read) throw new Error(`history unreadable: ${read.missing}`);
  return read?.value;
}

const row = (summary: string, details: string | null, datetime: string | null, location: string, device: string) => `<tr>
  <td>        <strong>${summary}</strong>${details === null ? '' : `<br><small>${details}</small>`}</td>
  <td><span class="table__mobile-label">Date / time</span> ${datetime === null ? 'no time' : `<time datetime="${datetime}">May 1</time>`}</td>
  <td><span class="table__mobile-label">Location Info</span>
      ${location}<br><span class="table__mobile-label">Device Info</span>
      ${device}</td>
</tr>`;
const page = (rows: string[], lang = 'en') =>
  new DOMParser().parseFromString(
    `<html lang="${lang}"><body><section id="account-events"><table class="table table--security-logs"><tbody>${rows.join('')}</tbody></table></section></body></html>`,
    'text/html',
  );

describe('parseAccountEvents', () => {
  it('reads summary, details, time, location and device of each row', () => {
    const events = parseAccountEvents(page([row('Login failed', 'Reason: Incorrect Password', '2025-05-01T12:34:56+0000', 'Berlin, BE, DE', 'Firefox (Linux)')]));
    expect(events).toEqual([
      {
        tag: 'account:login:failure',
        summary: 'Login failed',
        details: 'Reason: Incorrect Password',
        reason: 'invalid_password',
        time: Date.UTC(2025, 4, 1, 12, 34, 56),
        location: 'Berlin, BE, DE',
        device: 'Firefox (Linux)',
      },
    ]);
  });

  it('calls the whole history unreadable when a row has no time, on either path, and returns none of its rows', () => {
    const rows = [row('Logged in', null, '2025-05-02T00:00:00+0000', 'Paris', 'Safari'), row('Logged in', null, null, 'Paris', 'Safari')];
    expect(readAccountEvents(page(rows))).toEqual({ missing: 'event-time' });
    // A fourth cell sends the read row by row: the row without a time is found there too.
    const irregular = [rows[0]!.replace('</tr>', '<td></td></tr>'), rows[1]!];
    expect(readAccountEvents(page(irregular))).toEqual({ missing: 'event-cells' });
    expect(readAccountEvents(page([rows[1]!, rows[0]!.replace('</tr>', '<td></td></tr>')]))).toEqual({ missing: 'event-time' });
  });

  it('reads the details beside the summary: "- Basic Auth" outside the <strong>, a key label in a second <strong>', () => {
    const events = parseAccountEvents(
      page([
        `<tr><td>        <strong>Login failed</strong>\n- Basic Auth (Upload endpoint)        <br>\n        <small>\nReason:Incorrect Password        </small>\n</td>
          <td><span class="table__mobile-label">Date / time</span> <time datetime="2025-05-02T00:00:00+0000">May 2</time></td>
          <td><span class="table__mobile-label">Location Info</span> Lagos<br><span class="table__mobile-label">Device Info</span> twine</td></tr>`,
        `<tr><td>        <strong>Logged in</strong>\n        <br>\n        <small>\nTwo factor method:<strong>"YubiKey 5C"</strong> -Security device (<abbr>WebAuthn</abbr>)        </small>\n</td>
          <td><span class="table__mobile-label">Date / time</span> <time datetime="2025-05-01T00:00:00+0000">May 1</time></td>
          <td><span class="table__mobile-label">Location Info</span> Osaka<br><span class="table__mobile-label">Device Info</span> Chrome</td></tr>`,
      ]),
    );
    expect(events?.map(({ tag, summary, reason, authMethod, method, label }) => ({ tag, summary, reason, authMethod, method, label }))).toEqual([
      { tag: 'account:login:failure', summary: 'Login failed', reason: 'invalid_password', authMethod: 'basic', method: undefined, label: undefined },
      { tag: 'account:login:success', summary: 'Logged in', reason: undefined, authMethod: undefined, method: 'webauthn', label: 'YubiKey 5C' },
    ]);
  });

  it('maps an organization summary, whose <strong> links the organization, to its tag', () => {
    const events = parseAccountEvents(
      page([row('\nRole in <a href="/org/hardware-collective/">hardware-collective</a> added        ', null, '2025-05-02T00:00:00+0000', 'Redacted', 'Firefox')]),
    );
    expect(events?.map(({ tag, summary, location }) => ({ tag, summary, location }))).toEqual([
      { tag: 'account:organization_role:add', summary: 'Role in hardware-collective added', location: 'Redacted' },
    ]);
  });

  it('calls the history unreadable when a row has no summary or no location and device labels', () => {
    const withoutSummary = row('x', null, '2025-05-02T00:00:00+0000', 'Paris', 'Safari').replace('<strong>x</strong>', '<b>x</b>');
    expect(readAccountEvents(page([withoutSummary]))).toEqual({ missing: 'event-summary' });
    const withoutLabels = row('Logged in', null, '2025-05-02T00:00:00+0000', 'Paris', 'Safari').replaceAll('class="table__mobile-label"', '');
    expect(readAccountEvents(page([withoutLabels]))).toEqual({ missing: 'event-labels' });
  });

  it('does not map translated summaries without an English page', () => {
    expect(parseAccountEvents(page([row('Angemeldet', null, '2025-05-02T00:00:00+0000', 'Berlin', 'Firefox')], 'de'))?.[0]?.tag).toBe('unknown');
  });

  it('returns [] for the empty state and undefined without the section', () => {
    expect(parseAccountEvents(new DOMParser().parseFromString('<section id="account-events"><p>Nothing yet</p></section>', 'text/html'))).toEqual([]);
    expect(parseAccountEvents(new DOMParser().parseFromString('<p>other page</p>', 'text/html'))).toBeUndefined();
  });

  it('reads each row’s own time when details show another (a token’s expiry), and the cursor still stops at the right row', () => {
    const history = page([
      `<tr><td><strong>API token added</strong><br><small>Token name: ci Expires: <time datetime="2027-01-01T00:00:00+0000">Jan 1</time></small></td>
        <td><span class="table__mobile-label">Date / time</span> <time datetime="2025-05-04T08:00:00+0000">May 4</time></td>
        <td><span class="table__mobile-label">Location Info</span> Paris<br><span class="table__mobile-label">Device Info</span> Safari</td></tr>`,
      row('Logged in', null, '2025-05-03T10:00:00+0000', 'Paris', 'Safari'),
      row('Logged in', null, '2025-05-01T10:00:00+0000', 'Paris', 'Safari'),
    ]);
    expect(parseAccountEvents(history)?.map((event) => [event.tag, event.time, event.location])).toEqual([
      ['account:api_token:added', Date.UTC(2025, 4, 4, 8), 'Paris'],
      ['account:login:success', Date.UTC(2025, 4, 3, 10), 'Paris'],
      ['account:login:success', Date.UTC(2025, 4, 1, 10), 'Paris'],
    ]);
    expect(parseAccountEvents(history, Date.UTC(2025, 4, 2))).toHaveLength(2);
  });

  describe('reading only the rows newer than what is stored', () => {
    const history = page([
      row('Logged in', null, '2025-05-03T10:00:00+0000', 'Paris', 'Safari'),
      row('Login failed', 'Reason: Incorrect Password', '2025-05-02T10:00:00+0000', 'Lagos', 'Chrome'),
      row('Email verified', null, '2025-05-02T10:00:00+0000', 'Paris', 'Safari'),
      row('Logged in', null, '2025-05-01T10:00:00+0000', 'Paris', 'Safari'),
    ]);

    it('reads the rows at or after the given time and stops at the first older one', () => {
      const events = parseAccountEvents(history, Date.UTC(2025, 4, 2, 10, 0, 0));
      expect(events?.map((event) => event.tag)).toEqual(['account:login:success', 'account:login:failure', 'account:email:verified']);
    });

    it('reads nothing when every row is older than the cursor, and everything without one', () => {
      expect(parseAccountEvents(history, Date.UTC(2025, 4, 4))).toEqual([]);
      expect(parseAccountEvents(history)).toHaveLength(4);
    });

    it('applies the cursor on the row-by-row path too, and stops before a row it need not read', () => {
      const irregular = page([
        row('Logged in', null, '2025-05-03T10:00:00+0000', 'Paris', 'Safari').replace('</tr>', '<td></td></tr>'),
        row('Email verified', null, '2025-05-01T00:00:00+0000', 'Paris', 'Safari'),
        row('Logged in', null, null, 'Paris', 'Safari'),
      ]);
      expect(readAccountEvents(irregular, Date.UTC(2025, 4, 2))).toEqual({ missing: 'event-cells' });
      const timeless = page([row('Logged in', null, '2025-05-03T10:00:00+0000', 'Paris', 'Safari'), row('Email verified', null, '2025-05-01T00:00:00+0000', 'Paris', 'Safari'), row('Logged in', null, null, 'Paris', 'Safari')]);
      expect(parseAccountEvents(timeless, Date.UTC(2025, 4, 2))?.map((event) => event.time)).toEqual([Date.UTC(2025, 4, 3, 10)]);
    });

    it('tells the newest row’s own time, not another time its details show (a token’s expiry)', () => {
      const tokenFirst = page([
        `<tr><td><strong>API token added</strong><br><small>Expires: <time datetime="2026-01-01T00:00:00+0000">Jan 1</time></small></td>
          <td><time datetime="2025-05-04T08:00:00+0000">May 4</time></td><td></td></tr>`,
        row('Logged in', null, '2025-05-03T10:00:00+0000', 'Paris', 'Safari'),
      ]);
      expect(newestEventTime(tokenFirst)).toBe(Date.UTC(2025, 4, 4, 8));
    });

    it('tells the time of the newest row, reading the first one only', () => {
      expect(newestEventTime(history)).toBe(Date.UTC(2025, 4, 3, 10));
      expect(newestEventTime(page([]))).toBeUndefined();
      expect(newestEventTime(new DOMParser().parseFromString('<p>other page</p>', 'text/html'))).toBeUndefined();
    });
  });
});
