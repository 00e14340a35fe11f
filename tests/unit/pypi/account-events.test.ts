import { describe, expect, it } from 'vitest';
import { parseAccountEvents } from '@/utils/pypi/parse/account-events';

const row = (summary: string, details: string | null, datetime: string | null, location: string, device: string) => `<tr>
  <td><strong>${summary}</strong>${details === null ? '' : `<br><small>${details}</small>`}</td>
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

  it('falls back to row by row reading when a row breaks the usual shape, and skips rows without a time', () => {
    const events = parseAccountEvents(
      page([row('Logged in', null, '2025-05-02T00:00:00+0000', 'Paris', 'Safari'), row('Logged in', null, null, 'Paris', 'Safari'), row('Email verified', null, '2025-05-01T00:00:00+0000', 'Redacted', 'No User-Agent')]),
    );
    expect(events?.map((event) => [event.tag, event.location, event.device])).toEqual([
      ['account:login:success', 'Paris', 'Safari'],
      ['account:email:verified', 'Redacted', 'No User-Agent'],
    ]);
  });

  it('does not map translated summaries without an English page', () => {
    expect(parseAccountEvents(page([row('Angemeldet', null, '2025-05-02T00:00:00+0000', 'Berlin', 'Firefox')], 'de'))?.[0]?.tag).toBe('unknown');
  });

  it('returns [] for the empty state and undefined without the section', () => {
    expect(parseAccountEvents(new DOMParser().parseFromString('<section id="account-events"><p>Nothing yet</p></section>', 'text/html'))).toEqual([]);
    expect(parseAccountEvents(new DOMParser().parseFromString('<p>other page</p>', 'text/html'))).toBeUndefined();
  });
});
