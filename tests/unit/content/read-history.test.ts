import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistoryInSlices } from '@/utils/content/read-history';
import type { Slicer } from '@/utils/dom/slices';
import { parseAccountEvents } from '@/utils/pypi/parse/account-events';
import { valueOf } from '@/utils/pypi/parse/read';
import { bigHistoryAccount, createFakePypi } from '../../fixtures/pypi/server';
import type { LocaleId } from '../../fixtures/pypi/types';
import { sharedOrSkip, skipReason } from '../../support/shared-dir';

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A slicer that yields at every checkpoint and counts them (each one is a point the page gets its turn). */
function countingSlicer(): Slicer & { checkpoints: number } {
  const slicer = {
    checkpoints: 0,
    async checkpoint() {
      slicer.checkpoints++;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
  return slicer;
}

function accountPage(events: number, locale: LocaleId = 'en'): Document {
  const fake = createFakePypi({ host: 'pypi.org', scenario: bigHistoryAccount(NOW, events, 3), now: () => NOW, locale });
  return parse(fake.handle({ method: 'GET', url: 'https://pypi.org/manage/account/', headers: {} }).body);
}

describe('readHistoryInSlices', { timeout: 30_000 }, () => {
  it('reads a long history in many short chunks and gives exactly the rows the parser reads in one go', async () => {
    const doc = accountPage(600);
    const slicer = countingSlicer();
    const sliced = await readHistoryInSlices(doc, undefined, slicer);
    const whole = parseAccountEvents(doc);
    expect(valueOf(whole)).toHaveLength(600);
    expect(sliced).toEqual(whole);
    expect(slicer.checkpoints).toBeGreaterThan(1);
  });

  it('stops at the cursor as the parser does: only the rows at or after it, and no chunk past it', async () => {
    const doc = accountPage(600);
    const whole = valueOf(parseAccountEvents(doc))!;
    const cursor = whole[150]!.time;
    const slicer = countingSlicer();
    const sliced = await readHistoryInSlices(doc, cursor, slicer);
    expect(sliced).toEqual(parseAccountEvents(doc, cursor));
    expect(valueOf(sliced)).toHaveLength(151);
    const all = countingSlicer();
    await readHistoryInSlices(doc, undefined, all);
    expect(slicer.checkpoints).toBeLessThan(all.checkpoints);
  });

  it('reads nothing after a cursor newer than every row (a later visit with nothing new)', async () => {
    const doc = accountPage(300);
    const newest = valueOf(parseAccountEvents(doc))![0]!.time;
    await expect(readHistoryInSlices(doc, newest + 1, countingSlicer())).resolves.toEqual({ value: [] });
  });

  it('keeps the page language: rows of a page in another language stay unmapped, as the parser leaves them', async () => {
    const doc = accountPage(200, 'de');
    expect(await readHistoryInSlices(doc, undefined, countingSlicer())).toEqual(parseAccountEvents(doc));
  });

  it('a row deep in the history it cannot read makes the whole history unreadable, as the parser says, with no rows', async () => {
    const doc = accountPage(600);
    const row = doc.querySelectorAll('section#account-events tbody tr')[450]!;
    row.replaceChildren(doc.createElement('td')); // PyPI changed the row: one cell, no time, no summary
    const whole = parseAccountEvents(doc);
    expect(whole).toHaveProperty('missing');
    await expect(readHistoryInSlices(doc, undefined, countingSlicer())).resolves.toEqual(whole);
  });

  it('answers as the parser does for a page without a history section', async () => {
    const doc = parse('<html lang="en"><body><h1>No history here</h1></body></html>');
    await expect(readHistoryInSlices(doc, undefined, countingSlicer())).resolves.toBeUndefined();
  });

  it('stops when its slicer does (the page was hidden), with nothing returned', async () => {
    const doc = accountPage(300);
    let checkpoints = 0;
    const stopping: Slicer = {
      async checkpoint() {
        if (++checkpoints === 3) throw new DOMException('The page was hidden or left', 'AbortError');
      },
    };
    await expect(readHistoryInSlices(doc, undefined, stopping)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

// PyPI's own markup (an intro paragraph before the table, `<br>` in details, its whitespace): the
// copies must carry everything of the section but the other chunks' rows.
const corpus = sharedOrSkip('real-pypi');
describe.skipIf(!corpus)(`readHistoryInSlices on pages rendered from PyPI's templates${corpus ? '' : ` (${skipReason('real-pypi')})`}`, () => {
  const pages = corpus
    ? readdirSync(corpus, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((account) =>
          readdirSync(path.join(corpus, account.name), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((locale) => path.join(corpus, account.name, locale.name, 'manage-account.html')),
        )
    : [];
  it.each(pages.map((file) => [path.relative(corpus!, file), file]))('%s', async (_name, file) => {
    const doc = parse(readFileSync(file, 'utf8'));
    expect(await readHistoryInSlices(doc, undefined, countingSlicer())).toEqual(parseAccountEvents(doc));
  });
});
