import type { SecurityEventFact } from '../snapshot';
import { collapse, parsePypiTime } from './dom';
import { detailsFacts, summaryKeyOf, tagOfSummary } from './event-summaries';
import { found, missed, type Read } from './read';

/**
 * The security history (`section#account-events`, docs/pypi-pages.md). Each row is three cells:
 * what happened (`<strong>` summary, then details, often in `<small>`), the time (a mobile label
 * and a `<time>`), and the location and device (bare text after their mobile labels). Summaries are
 * translated, so rows are mapped to tags only from an English page: pass the English copy of the
 * page (fetched with `?_LOCALE_=en`) when the visible one is in another language. Without it, rows
 * keep their summary and get a tag only where PyPI prints the raw tag.
 *
 * A row without PyPI's three cells, summary, time or labels makes the whole history unreadable:
 * no row of it is returned, so the history's cursor does not move past a row never read.
 * `[]` for the empty state (no table); undefined when the page has no such section.
 *
 * Histories can be long (PyPI keeps 90 days, busy accounts have thousands of rows), so each row
 * is read with a handful of DOM calls: cells by sibling order, elements by tag, and the bare
 * location/device text split on the labels' text instead of walking text nodes.
 *
 * `atOrAfter` (epoch ms) stops the read at the first row before it: PyPI lists the history
 * newest first, so a caller that already stored the rows up to some time reads only the rows
 * added since — on a revisit usually none, instead of thousands.
 */
export function parseAccountEvents(doc: Document, atOrAfter = -Infinity): Read<SecurityEventFact[]> | undefined {
  const section = doc.querySelector('section#account-events');
  if (!section) return undefined;
  const table = section.querySelector('table');
  if (!table) return found([]);
  if (!table.classList.contains('table--security-logs')) return missed('event-cells');
  const isEnglish = isEnglishDocument(doc);
  return readColumns(table, isEnglish, atOrAfter) ?? readRows(table, isEnglish, atOrAfter);
}

/**
 * The time of the newest row in the history (its first row: PyPI lists the history newest first),
 * or undefined when there is none or it cannot be read. One element is read, so a caller can learn
 * cheaply whether a page holds rows newer than what it already stored.
 */
export function newestEventTime(doc: Document): number | undefined {
  // The row's own time is in its second cell; the first may hold another (a token's "Expires:").
  const row = doc.querySelector('section#account-events table.table--security-logs tbody tr');
  const time = row?.children[1]?.querySelector('time[datetime]');
  return parsePypiTime(time?.getAttribute('datetime'));
}

/**
 * Fast path: PyPI renders three cells per row, so the table's own cell list lines up row by row and
 * is read without walking each row (a long history is thousands of rows). Returns null when the
 * cells do not line up, and the caller reads row by row.
 */
function readColumns(table: Element, isEnglish: boolean, atOrAfter: number): Read<SecurityEventFact[]> | null {
  const body = table.getElementsByTagName('tbody')[0];
  if (!body) return null;
  const rowCount = body.getElementsByTagName('tr').length;
  const cells = body.getElementsByTagName('td');
  const times = body.getElementsByTagName('time');
  if (cells.length !== rowCount * 3) return null;
  // One time per row: the table's list is the rows' times. More (a token's "Expires:" in the
  // details) or fewer: each row's time is looked up in its own second cell.
  const timesLineUp = times.length === rowCount;
  const labels = newLabels();
  const events: SecurityEventFact[] = [];
  for (let row = 0; row < rowCount; row++) {
    const what = cells[row * 3]!;
    const when = cells[row * 3 + 1]!;
    const timeElement = timesLineUp && times[row]!.parentNode === when ? times[row] : when.getElementsByTagName('time')[0];
    const time = parsePypiTime(timeElement?.getAttribute('datetime'));
    if (time === undefined) return missed('event-time');
    if (time < atOrAfter) break;
    const event = readRow(what, cells[row * 3 + 2]!, time, labels, isEnglish);
    if ('missing' in event) return event;
    events.push(event.value);
  }
  return found(events);
}

/** Slow path, for a table whose rows do not all have three cells: says which row is not PyPI's. */
function readRows(table: Element, isEnglish: boolean, atOrAfter: number): Read<SecurityEventFact[]> {
  const events: SecurityEventFact[] = [];
  for (const row of table.querySelectorAll('tbody tr')) {
    const [what, when, where, extra] = row.children;
    if (what?.localName !== 'td' || when?.localName !== 'td' || where?.localName !== 'td' || extra) return missed('event-cells');
    const time = parsePypiTime(when.querySelector('time[datetime]')?.getAttribute('datetime'));
    if (time === undefined) return missed('event-time');
    if (time < atOrAfter) break;
    // Rows of an irregular table may differ in their labels too: each is read on its own.
    const event = readRow(what, where, time, newLabels(), isEnglish);
    if ('missing' in event) return event;
    events.push(event.value);
  }
  return found(events);
}

/**
 * One row from its first and third cells. The summary is the cell's first element, a `<strong>`
 * in every branch of PyPI's template (a second `<strong>` may follow in the details: a security
 * key's label); the details are the rest of the cell's text ("- Basic Auth" stands outside the
 * `<strong>`, before the `<small>`).
 */
function readRow(what: Element, where: Element, time: number, labels: Labels, isEnglish: boolean): Read<SecurityEventFact> {
  const summaryElement = what.firstElementChild;
  if (summaryElement?.localName !== 'strong') return missed('event-summary');
  const place = locationAndDevice(where, labels);
  if (!place) return missed('event-labels');
  const summaryText = summaryElement.textContent ?? '';
  const whatText = what.textContent ?? '';
  const details = collapse(whatText.slice(whatText.indexOf(summaryText) + summaryText.length));
  const summary = collapse(summaryText).slice(0, 512);
  const tag = tagOfSummary(summaryKeyOf(summaryElement, summary), isEnglish);
  const event: SecurityEventFact = { tag, summary, time };
  if (details) event.details = details.slice(0, 2048);
  if (isEnglish) Object.assign(event, detailsFacts(tag, details, what));
  const [location, device] = place;
  if (location) event.location = location.slice(0, 512);
  if (device) event.device = device.slice(0, 512);
  return found(event);
}

/** The mobile labels' text is the same on every row of a page: read once, then reused. */
interface Labels {
  location: string | null;
  device: string | null;
}

const newLabels = (): Labels => ({ location: null, device: null });

/**
 * The third cell is `<label>Location</label> text <br> <label>Device</label> text`, the texts
 * bare. Its text content is split just after each label's text. Null without both labels.
 */
function locationAndDevice(cell: Element, labels: Labels): [string, string] | null {
  const text = cell.textContent ?? '';
  if (labels.location === null || labels.device === null || !text.includes(labels.device)) {
    const spans = cell.getElementsByClassName('table__mobile-label');
    if (spans.length < 2) return null;
    labels.location = spans[0]!.textContent ?? '';
    labels.device = spans[1]!.textContent ?? '';
  }
  const locationLabel = labels.location;
  const deviceLabel = labels.device;
  const locationStart = text.indexOf(locationLabel) + locationLabel.length;
  const deviceLabelAt = text.indexOf(deviceLabel, locationStart);
  if (deviceLabelAt < 0) return null;
  return [collapse(text.slice(locationStart, deviceLabelAt)), collapse(text.slice(deviceLabelAt + deviceLabel.length))];
}

export function isEnglishDocument(doc: Document): boolean {
  return /^en\b/i.test(doc.documentElement.getAttribute('lang') ?? '');
}
