import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The ground-truth folder that lives beside the repository, never inside it (`../shared/` from a
 * clone; a worktree or CI's clone may sit deeper). Looked up from `PYPI_GUARD_SHARED` first, then
 * in every ancestor of the repository, so the same tests find it wherever the clone is.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedCandidates(): string[] {
  const candidates: string[] = [];
  if (process.env.PYPI_GUARD_SHARED) candidates.push(path.resolve(process.env.PYPI_GUARD_SHARED));
  for (let dir = path.dirname(REPO_ROOT); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'shared'));
    if (path.dirname(dir) === dir) break;
  }
  return candidates;
}

/** The path of `entry` (a file or folder under shared/), or null when no shared folder has it. */
export function findShared(entry: string): string | null {
  for (const candidate of sharedCandidates()) {
    const full = path.join(candidate, entry);
    if (existsSync(full)) return full;
  }
  return null;
}

/** True on CI, where the shared folder is always present: a missing one is then a failure, not a skip. */
export const ON_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * The path of `entry`, or null off CI (the caller skips and says why). On CI a missing entry
 * throws, naming every place looked at.
 */
export function sharedOrSkip(entry: string): string | null {
  const found = findShared(entry);
  if (found || !ON_CI) return found;
  throw new Error(`CI=true but ../shared/${entry} was not found; looked in: ${sharedCandidates().join(', ')}`);
}

/** The sentence a skipped suite prints. */
export function skipReason(entry: string): string {
  return `skipped: ../shared/${entry} not found (looked in ${sharedCandidates().join(', ')}); set PYPI_GUARD_SHARED or run in a clone beside shared/`;
}
