import { describe, expect, it } from 'vitest';
import {
  CORPUS_DIR,
  CORPUS_LOCALES,
  CORPUS_NOW,
  CORPUS_SKIP_REASON,
  EXPECTED_AUDIT,
  expectedOf,
  pageFilesOf,
  SCENARIOS,
  USER_MENU_FILE,
  usernameOf,
  type CorpusLocale,
  type Scenario,
} from '../../support/real-pypi';
import { ALTERATIONS, CHECKS_OF, altered } from './alterations';
import { auditStatuses, corpusPage, corpusSnapshots, foldSnapshots } from './corpus-account';
import { corpusDocument, readCorpusPage } from './corpus-dom';
import { eventFactsOf, expectedEvent, expectedSnapshot, FACT_KEYS, KIND_OF_ROUTE, time } from './expected-facts';

/*
 * PyPI's pages rendered from its own templates and translations (../shared/real-pypi), three
 * accounts in all 14 locales. One file, so each page is parsed once for all three questions:
 * 1. every page is detected as its kind, and read into exactly the facts of expected.json;
 * 2. the audit of each account is what the README's audit rules say (EXPECTED_AUDIT);
 * 3. each marker a reader relies on, removed or altered, makes the fact unreadable — absent, not
 *    guessed — and every check resting on it says "unreadable", never a pass.
 */

if (!CORPUS_DIR) console.warn(`real-pypi corpus tests: ${CORPUS_SKIP_REASON}`);

// Reading every page of an account takes seconds in happy-dom on a loaded 2-core machine.
describe.skipIf(!CORPUS_DIR)('PyPI pages rendered from its own templates (../shared/real-pypi)', { timeout: 60_000 }, () => {
  describe('detection and facts, field by field', () => {
    describe.each(SCENARIOS)('%s', (scenario: Scenario) => {
      const files = CORPUS_DIR ? pageFilesOf(scenario) : [];
      describe.each(CORPUS_LOCALES)('in %s', (locale) => {
        it.each(files)('%s', async (file) => {
          const expected = expectedOf(scenario);
          const page = expected.pages[`${locale}/${file}`]!;
          const route = expected.files[`${locale}/${file}`]!.route_name;
          const kind = KIND_OF_ROUTE[route];
          expect(kind, `a kind for route ${route}`).toBeDefined();
          expect(page.locale).toBe(locale);

          // readAccountPage's kind is detectPage's, on the page as the browser holds it.
          const { kind: detected, snapshot } = await corpusPage(scenario, locale, file);
          expect(detected).toBe(kind);
          const want = expectedSnapshot(page, usernameOf(scenario), kind!);
          if (want === null) {
            expect(snapshot).toBeNull();
            return;
          }
          expect(snapshot).not.toBeNull();
          expect(snapshot!.unreadable).toBeUndefined();
          expect(snapshot!.locale).toBe(locale);
          const got = Object.fromEntries(FACT_KEYS.filter((key) => snapshot![key] !== undefined).map((key) => [key, snapshot![key]]));
          expect(got).toEqual(Object.fromEntries(Object.entries(want).filter(([, value]) => value !== undefined)));

          if (page.events) {
            expect(snapshot!.securityEvents?.map(eventFactsOf)).toEqual(page.events.map(expectedEvent));
            // Older rows exist in PyPI's data but are not shown: none may be read.
            for (const hidden of page.events_not_shown ?? []) expect(snapshot!.securityEvents!.some((event) => event.time === time(hidden.time))).toBe(false);
          } else {
            expect(snapshot!.securityEvents).toBeUndefined();
          }
        });
      });
    });

    it('names the user of every signed-in page through the header include, in every locale', () => {
      for (const scenario of SCENARIOS) {
        for (const locale of CORPUS_LOCALES) expect(expectedOf(scenario).pages[`${locale}/${USER_MENU_FILE}`]?.username).toBe(usernameOf(scenario));
      }
    });
  });

  describe('the audit of each account, as the README rules say', () => {
    describe.each(SCENARIOS)('%s', (scenario) => {
      it.each(CORPUS_LOCALES)('in %s', async (locale) => {
        const stored = foldSnapshots(await corpusSnapshots(scenario, locale));
        expect(stored.account.unreadable).toBeUndefined();
        expect(auditStatuses(stored)).toEqual(EXPECTED_AUDIT[scenario]);
      });
    });
  });

  // The markers are the same in every language; a left-to-right, a right-to-left and one whose
  // translations break some inline markup are enough to show it.
  const ALTERED_LOCALES: CorpusLocale[] = ['en', 'he', 'ko'];

  describe('a page whose markers PyPI changed is read as unreadable, and no check passes on it', () => {
    describe.each(ALTERED_LOCALES)('in %s', (locale) => {
      it.each(ALTERATIONS)('without $what ($scenario, $file)', async ({ scenario, file, alter, problems }) => {
        const doc = corpusDocument(scenario, locale, file);
        alter(doc);
        // The English copy is fetched as markup: PyPI would send it altered the same way.
        const { snapshot } = await readCorpusPage(scenario, locale, file, { doc, englishHtml: locale === 'en' ? undefined : altered(scenario, 'en', file, alter), now: CORPUS_NOW });
        expect(snapshot?.unreadable).toEqual(expect.arrayContaining(problems));
        expect(snapshot?.unreadable).toHaveLength(problems.length);
        for (const { fact } of problems) expect(snapshot?.[fact]).toBeUndefined();

        // The altered page is the newest reading: the checks resting on the facts say so.
        const pages = await corpusSnapshots(scenario, locale);
        const before = auditStatuses(foldSnapshots(pages));
        const after = foldSnapshots([...pages, { ...snapshot!, username: usernameOf(scenario) }], '0.1.0');
        const statuses = auditStatuses(after);
        const affected = problems.flatMap(({ fact }) => CHECKS_OF[fact]);
        for (const { fact, missing } of problems) {
          expect(after.account.unreadable?.[fact]).toEqual({ missing, pageKind: snapshot!.pageKind, seenAt: CORPUS_NOW, version: '0.1.0' });
        }
        for (const check of affected) {
          expect(before[check], check).not.toBe('unreadable');
          expect(statuses[check], check).toBe('unreadable');
        }
        // Nothing else changed its mind.
        const others = Object.entries(before).filter(([check]) => !affected.includes(check));
        expect(others.map(([check]) => [check, statuses[check]])).toEqual(others);
      });
    });
  });
});
