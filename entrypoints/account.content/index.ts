import { ACCOUNT_PAGE_PATHS, matchesFor } from '@/utils/pypi/match-patterns';

export default defineContentScript({
  matches: matchesFor(ACCOUNT_PAGE_PATHS),
  runAt: 'document_idle',
  main() {
    // Page model wiring lands with the parsers.
  },
});
