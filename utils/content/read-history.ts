import { newestEventTime, parseAccountEvents } from '../pypi/parse/account-events';
import { found, type Read } from '../pypi/parse/read';
import type { SecurityEventFact } from '../pypi/snapshot';
import type { Slicer } from '../dom/slices';

/** Rows in the first chunk; later chunks are sized from the time it took. */
const FIRST_CHUNK_ROWS = 100;
/** What one chunk should take: a small part of a slice, so no slice runs over by much. */
const CHUNK_TARGET_MS = 4;
const MIN_CHUNK_ROWS = 20;
const MAX_CHUNK_ROWS = 2_000;

/**
 * Reads the security history (`parseAccountEvents`) in chunks of rows, with a `slicer` checkpoint
 * between chunks: the first read of a 10,000-row history is a few dozen short tasks instead of
 * one long one. The parser itself is unchanged: each chunk is a detached copy of the history's
 * section holding only that chunk's rows (and everything else in the section: its intro, its
 * table head), which it reads as it reads the page; the chunks' rows, in order, are the rows the
 * whole page gives. PyPI lists the history newest first, so with `atOrAfter` (the history's
 * cursor) the read stops at the first chunk that starts before it.
 * Returns what the parser returns for the whole page: undefined when the page has no history
 * section, the rows, or the marker a chunk missed (a history it cannot read yields no rows at all).
 */
export async function readHistoryInSlices(
  doc: Document,
  atOrAfter: number | undefined,
  slicer: Slicer,
  now: () => number = () => performance.now(),
): Promise<Read<SecurityEventFact[]> | undefined> {
  const section = doc.querySelector('section#account-events');
  const bodies = section?.querySelector('table.table--security-logs')?.getElementsByTagName('tbody');
  if (!section || bodies?.length !== 1) {
    // No rows to share out (no section, no table, an empty one) or an unusual table: one read.
    await slicer.checkpoint();
    return parseAccountEvents(doc, atOrAfter);
  }
  const body = bodies[0]!;
  // A body holds only rows (`tr`): its children are the rows, in PyPI's order.
  const rows = body.children;
  const scratch = doc.implementation.createHTMLDocument('');
  // The parser maps summaries to tags only in English; it reads the language from <html lang>.
  const lang = doc.documentElement.getAttribute('lang');
  if (lang !== null) scratch.documentElement.setAttribute('lang', lang);

  const events: SecurityEventFact[] = [];
  let chunkRows = FIRST_CHUNK_ROWS;
  for (let from = 0, to = 0; from < rows.length; from = to) {
    await slicer.checkpoint();
    const startedAt = now();
    to = Math.min(from + chunkRows, rows.length);
    scratch.body.replaceChildren(copyWithRows(scratch, section, body, from, to));
    const newest = newestEventTime(scratch);
    if (atOrAfter !== undefined && newest !== undefined && newest < atOrAfter) break;
    const chunk = parseAccountEvents(scratch, atOrAfter);
    if (chunk && 'missing' in chunk) return chunk;
    events.push(...(chunk?.value ?? []));
    const msPerRow = Math.max(now() - startedAt, 0.01) / (to - from);
    chunkRows = Math.max(MIN_CHUNK_ROWS, Math.min(MAX_CHUNK_ROWS, Math.floor(CHUNK_TARGET_MS / msPerRow)));
  }
  return found(events);
}

/**
 * A copy of `node` for `scratch` in which the history's body holds only its rows `from`–`to`:
 * the path down to the body is copied shallowly, everything beside it deeply.
 */
function copyWithRows(scratch: Document, node: Element, body: Element, from: number, to: number): Node {
  if (node === body) {
    const copy = scratch.importNode(body, false);
    for (let row = from; row < to; row++) copy.append(scratch.importNode(body.children[row]!, true));
    return copy;
  }
  if (!node.contains(body)) return scratch.importNode(node, true);
  const copy = scratch.importNode(node, false);
  for (const child of node.childNodes) copy.append(child.nodeType === ELEMENT_NODE ? copyWithRows(scratch, child as Element, body, from, to) : scratch.importNode(child, true));
  return copy;
}

const ELEMENT_NODE = 1;
