/**
 * Words an attacker guessing a PyPI password tries first: the site's own names and the
 * account's public details. zxcvbn treats each as a dictionary word worth almost nothing.
 */
export const PYPI_WORDS = ['pypi', 'python', 'pip', 'warehouse', 'pypa', 'cheeseshop', 'testpypi'] as const;

export interface AccountWords {
  username?: string | null;
  email?: string | null;
  fullName?: string | null;
}

/**
 * What PyPI's server passes to zxcvbn (pypi-facts.md §7: full name, username, email), so
 * "PyPI will refuse it" is decided with PyPI's own inputs.
 */
export function pypiRuleInputs({ username, email, fullName }: AccountWords): string[] {
  return [fullName, username, email].map((value) => value?.trim() ?? '').filter((value) => value.length > 0);
}

/**
 * PyPI Guard's stricter inputs for its advice: PyPI's own plus the site's names and the parts
 * of the username, email and full name ("alice.smith@example.org" → alice, smith, example).
 */
export function guardInputs(words: AccountWords): string[] {
  const parts = new Set<string>();
  const add = (value: string) => {
    const word = value.trim().toLowerCase();
    if (word.length >= 3) parts.add(word);
  };
  for (const value of pypiRuleInputs(words)) add(value);
  for (const word of PYPI_WORDS) add(word);
  const [local = '', domain = ''] = (words.email ?? '').split('@');
  for (const piece of local.split(/[._+-]+/)) add(piece);
  // Domain labels without the top-level domain: "example" from example.org.
  for (const label of domain.split('.').slice(0, -1)) add(label);
  for (const piece of (words.username ?? '').split(/[._-]+/)) add(piece);
  for (const piece of (words.fullName ?? '').split(/[\s.,'-]+/)) add(piece);
  return [...parts];
}
