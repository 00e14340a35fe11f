import { createSlicer, soon } from '@/utils/dom/slices';
import { zxcvbnInSlices } from '@/utils/prompts/password/zxcvbn-in-slices';
import { pypiGuardWorld } from '@/utils/prompts/world';

/**
 * zxcvbn (~800 kB with its word lists), injected by the background into a PyPI page's frame once
 * a password is typed there (utils/background/load-on-demand.ts) — never declared for any page.
 * It builds its word lists in slices of at most 30 ms, as soon as the page lets it, and leaves
 * the ready estimator in the extension's isolated world, where the prompts take it from.
 */
export default defineUnlistedScript(() => {
  pypiGuardWorld.pypiGuardZxcvbn ??= zxcvbnInSlices(createSlicer(new AbortController().signal, soon));
});
