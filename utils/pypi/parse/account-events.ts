import type { SecurityEventFact } from '../snapshot';
import { parsePypiTime, textOf, textsAfterLabels } from './dom';
import { detailsFacts, tagOfSummary } from './event-summaries';

/**
 * The security history (`section#account-events`, §6). Summaries are translated, so rows are
 * mapped to tags only from an English page: pass the English copy of the page (fetched with
 * `?_LOCALE_=en`) when the visible one is in another language. Without it, rows keep their
 * summary and get a tag only where PyPI prints the raw tag. Returns [] for the empty state,
 * undefined when the section is absent.
 */
export function parseAccountEvents(doc: Document): SecurityEventFact[] | undefined {
  const section = doc.querySelector('section#account-events');
  if (!section) return undefined;
  const isEnglish = isEnglishDocument(doc);
  const events: SecurityEventFact[] = [];
  for (const row of section.querySelectorAll('table.table--security-logs tbody tr')) {
    const [what, when, where] = row.querySelectorAll('td');
    const time = parsePypiTime(when?.querySelector('time[datetime]')?.getAttribute('datetime'));
    if (!what || time === undefined) continue;
    const summary = textOf(what.querySelector('strong')).slice(0, 512);
    const details = textOf(what.querySelector('small')).slice(0, 2048);
    const tag = tagOfSummary(summary, isEnglish);
    const [location, device] = where ? textsAfterLabels(where) : [];
    events.push({
      tag,
      summary,
      ...(details && { details }),
      ...(isEnglish ? detailsFacts(tag, details) : {}),
      time,
      ...(location && { location: location.slice(0, 512) }),
      ...(device && { device: device.slice(0, 512) }),
    });
  }
  return events;
}

export function isEnglishDocument(doc: Document): boolean {
  return /^en\b/i.test(doc.documentElement.getAttribute('lang') ?? '');
}
