import type { SecurityEventFact } from '../snapshot';
import { collapse, parsePypiTime, textOf } from './dom';
import { detailsFacts, tagOfSummary } from './event-summaries';

/**
 * The security history (`section#account-events`, §6). Summaries are translated, so rows are
 * mapped to tags only from an English page: pass the English copy of the page (fetched with
 * `?_LOCALE_=en`) when the visible one is in another language. Without it, rows keep their
 * summary and get a tag only where PyPI prints the raw tag. Returns [] for the empty state,
 * undefined when the section is absent.
 *
 * Histories can be long (PyPI keeps 90 days, busy accounts have thousands of rows), so each row
 * is read with a handful of DOM calls: cells by sibling order, elements by tag, and the bare
 * location/device text split on the labels' text instead of walking text nodes.
 *
 * `atOrAfter` (epoch ms) stops the read at the first row before it: PyPI lists the history
 * newest first (§6), so a caller that already stored the rows up to some time reads only the rows
 * added since — on a revisit usually none, instead of thousands.
 */
export function parseAccountEvents(doc: Document, atOrAfter = -Infinity): SecurityEventFact[] | undefined {
  const section = doc.querySelector('section#account-events');
  if (!section) return undefined;
  const table = section.querySelector('table.table--security-logs');
  if (!table) return [];
  const isEnglish = isEnglishDocument(doc);
  return readColumns(table, isEnglish, atOrAfter) ?? readRows(table, isEnglish, atOrAfter);
}

/**
 * The time of the newest row in the history (its first row: PyPI lists the history newest first,
 * pypi-facts.md §6), or undefined when there is none or it cannot be read. One element is read,
 * so a caller can learn cheaply whether a page holds rows newer than what it already stored.
 */
export function newestEventTime(doc: Document): number | undefined {
  // The row's own time is in its second cell; the first may hold another (a token's "Expires:").
  const row = doc.querySelector('section#account-events table.table--security-logs tbody tr');
  const time = row?.children[1]?.querySelector('time[datetime]');
  return parsePypiTime(time?.getAttribute('datetime'));
}

/**
 * Fast path: PyPI renders exactly one `<strong>`, one `<time>` and three cells per row, so the
 * table's own element lists line up row by row and are read without walking each row (a long
 * history is thousands of rows). Returns null when they do not line up, and the caller reads
 * row by row.
 */
function readColumns(table: Element, isEnglish: boolean, atOrAfter: number): SecurityEventFact[] | null {
  const body = table.getElementsByTagName('tbody')[0];
  if (!body) return null;
  const rowCount = body.getElementsByTagName('tr').length;
  const cells = body.getElementsByTagName('td');
  const summaries = body.getElementsByTagName('strong');
  const times = body.getElementsByTagName('time');
  if (cells.length !== rowCount * 3 || summaries.length !== rowCount || times.length < rowCount) return null;
  // More times than rows: some details show one of their own (a token's "Expires:"), so each
  // row's time is taken from its second cell instead of the table's list.
  const timeOf = times.length === rowCount ? (row: number) => times[row] : (row: number) => cells[row * 3 + 1]!.getElementsByTagName('time')[0];
  const labels = newLabels();
  const events: SecurityEventFact[] = [];
  for (let row = 0; row < rowCount; row++) {
    const time = parsePypiTime(timeOf(row)?.getAttribute('datetime'));
    if (time === undefined) continue;
    if (time < atOrAfter) break;
    const summaryText = summaries[row]!.textContent ?? '';
    const whatText = cells[row * 3]!.textContent ?? '';
    const details = collapse(whatText.slice(whatText.indexOf(summaryText) + summaryText.length));
    events.push(toEvent(collapse(summaryText).slice(0, 512), details, time, locationAndDevice(cells[row * 3 + 2]!, labels), isEnglish));
  }
  return events;
}

/** Slow path, for a table whose rows do not all have PyPI's shape. */
function readRows(table: Element, isEnglish: boolean, atOrAfter: number): SecurityEventFact[] {
  const events: SecurityEventFact[] = [];
  for (const row of table.querySelectorAll('tbody tr')) {
    const [what, when, where] = row.querySelectorAll('td');
    const time = parsePypiTime(when?.querySelector('time[datetime]')?.getAttribute('datetime'));
    if (!what || time === undefined) continue;
    if (time < atOrAfter) break;
    const summary = textOf(what.querySelector('strong')).slice(0, 512);
    const details = textOf(what.querySelector('small'));
    // Rows of an irregular table may differ in their labels too: each is read on its own.
    events.push(toEvent(summary, details, time, where ? locationAndDevice(where, newLabels()) : [], isEnglish));
  }
  return events;
}

function toEvent(summary: string, details: string, time: number, [location, device]: [string, string] | [], isEnglish: boolean): SecurityEventFact {
  const tag = tagOfSummary(summary, isEnglish);
  const event: SecurityEventFact = { tag, summary, time };
  if (details) event.details = details.slice(0, 2048);
  if (isEnglish) Object.assign(event, detailsFacts(tag, details));
  if (location) event.location = location.slice(0, 512);
  if (device) event.device = device.slice(0, 512);
  return event;
}

/** The mobile labels' text is the same on every row of a page: read once, then reused. */
interface Labels {
  location: string | null;
  device: string | null;
}

const newLabels = (): Labels => ({ location: null, device: null });

/**
 * The third cell is `<label>Location</label> text <br> <label>Device</label> text`, the texts
 * bare (§6). Its text content is split just after each label's text.
 */
function locationAndDevice(cell: Element, labels: Labels): [string, string] | [] {
  const text = cell.textContent ?? '';
  if (labels.location === null || labels.device === null || !text.includes(labels.device)) {
    const spans = cell.getElementsByTagName('span');
    if (spans.length < 2) return [];
    labels.location = spans[0]!.textContent ?? '';
    labels.device = spans[1]!.textContent ?? '';
  }
  const locationLabel = labels.location;
  const deviceLabel = labels.device;
  const locationStart = text.indexOf(locationLabel) + locationLabel.length;
  const deviceLabelAt = text.indexOf(deviceLabel, locationStart);
  if (deviceLabelAt < 0) return [];
  return [collapse(text.slice(locationStart, deviceLabelAt)), collapse(text.slice(deviceLabelAt + deviceLabel.length))];
}

export function isEnglishDocument(doc: Document): boolean {
  return /^en\b/i.test(doc.documentElement.getAttribute('lang') ?? '');
}
