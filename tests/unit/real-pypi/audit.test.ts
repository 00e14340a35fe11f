import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, CORPUS_LOCALES, CORPUS_SKIP_REASON, EXPECTED_AUDIT, SCENARIOS } from '../../support/real-pypi';
import { auditStatuses, corpusSnapshots, foldSnapshots } from './corpus-account';

/*
 * The audit of each corpus account, from the facts its pages show in each of PyPI's 14 locales,
 * is what the README's audit rules say (EXPECTED_AUDIT, written from the rules, not from a run).
 */

if (!CORPUS_DIR) console.warn(`real-pypi audit: ${CORPUS_SKIP_REASON}`);

describe.skipIf(!CORPUS_DIR)('the audit of the accounts PyPI renders', () => {
  describe.each(SCENARIOS)('%s', (scenario) => {
    it.each(CORPUS_LOCALES)('in %s', async (locale) => {
      const stored = foldSnapshots(await corpusSnapshots(scenario, locale));
      expect(stored.account.unreadable).toBeUndefined();
      expect(auditStatuses(stored)).toEqual(EXPECTED_AUDIT[scenario]);
    });
  });
});
