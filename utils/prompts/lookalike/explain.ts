import type { Lookalike, LookalikeReason } from './detect';

/**
 * The words of the look-alike warning, shared by the page's interstitial, the toolbar button's
 * title for the tab and the notification: one vocabulary wherever the user meets it.
 */
export const LOOKALIKE_HEADLINE = 'This is not PyPI';

const WHY: Record<LookalikeReason, (lookalike: Lookalike) => string> = {
  'pypi-org-in-name': (lookalike) => `The address starts with “pypi.org”, but the site is ${lookalike.site}, which has nothing to do with PyPI.`,
  typo: () => 'Its name is one letter away from pypi.org, or “pypi” under another ending.',
  homoglyph: () => 'Its name uses letters from another alphabet that look like “pypi”.',
  'pypi-in-name': () => 'It uses the name PyPI in an address that does not belong to PyPI.',
};

/** Why this host is not PyPI, in one sentence. */
export function whyNotPypi(lookalike: Lookalike): string {
  return WHY[lookalike.reason](lookalike);
}

/** What PyPI's real addresses are, and what not to do here. */
export const PYPI_ONLY_ON = 'PyPI asks for your password only on pypi.org (and test.pypi.org).';
export const DO_NOT_TYPE = 'Don’t type your PyPI password, 2FA or recovery codes here.';

/** The toolbar button's title on the tab: what the page cannot reach or hide. */
export function lookalikeTabTitle(lookalike: Lookalike): string {
  return `PyPI Guard — ${LOOKALIKE_HEADLINE}: ${lookalike.displayName} only looks like PyPI. ${DO_NOT_TYPE}`;
}
