/**
 * The probe's first look at a host name, on every site the user lets it run on: a cheap test that
 * says "may imitate PyPI" for every host the full classifier (detect.ts) could flag — and for some
 * it will not. It needs no public-suffix list and no confusables table, so the probe stays a few
 * kilobytes; the background runs the full classifier on the sender's URL before anything is shown.
 * No imports.
 */

/**
 * What UTS #39's confusables table (unicode.org confusables.txt, as shipped by `unhomoglyph`)
 * does to the characters a host name can hold in ASCII: `0`→`O`, `1`→`l`, `m`→`rn`. Every other
 * of a–z, 0–9 and `-` maps to itself (a unit test compares this with the table, character by
 * character), so an ASCII label's skeleton is this fold.
 */
export function asciiSkeleton(label: string): string {
  return label.replace(/0/g, 'O').replace(/1/g, 'l').replace(/m/g, 'rn');
}

/** Damerau–Levenshtein distance, cut off above `limit` (the classifiers only ask "0, 1 or more?"). */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** "pypi" as a skeleton: none of its letters is mapped. */
export const PYPI_SKELETON = 'pypi';

/**
 * True when a host may imitate PyPI: an internationalised label (`xn--`, decided in the
 * background), or a label whose skeleton contains "pypi" or is one edit from it. A superset of
 * what `lookalikeOf` flags (a property test checks it), so the probe never misses a look-alike.
 */
export function mayImitatePypi(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host.includes('xn--') || /[^a-z0-9.-]/.test(host)) return true;
  return host.split('.').some((label) => {
    const folded = asciiSkeleton(label);
    return folded.includes(PYPI_SKELETON) || editDistance(folded, PYPI_SKELETON, 1) <= 1;
  });
}
