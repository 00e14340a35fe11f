import { fetchProjectSources, saveProjectSources, type FetchLike } from '../recovery/project-sources';
import type { AccountRecord } from '../store/types';
import type { PypiGuardDb } from '../store/schema';

/** Source repositories change rarely; looked up again after this long or when the projects change. */
export const PROJECT_SOURCES_MAX_AGE_MS = 7 * 86_400_000;
/** A maintainer with hundreds of projects gets the first ones checked, not hundreds of requests. */
export const MAX_PROJECTS_LOOKED_UP = 25;

/** Whether the account's project repositories should be looked up (again). */
export function needsSourceLookup(account: AccountRecord, now: number): boolean {
  const projects = account.projects?.value;
  if (!projects || projects.length === 0) return false;
  const sources = account.projectSources;
  if (!sources || now - sources.seenAt > PROJECT_SOURCES_MAX_AGE_MS) return true;
  const known = new Set(sources.value.map((source) => source.project));
  return projects.slice(0, MAX_PROJECTS_LOOKED_UP).some((project) => !known.has(project));
}

/**
 * Looks up each project's public source repository in PyPI's JSON API (public data, CORS-enabled,
 * sent without cookies) and stores it, so the audit's recovery-readiness check and the recovery
 * assistant know where the owner could push a verification branch (pypi-facts.md §9).
 */
export async function refreshProjectSources(db: PypiGuardDb, account: AccountRecord, fetchFn: FetchLike, now: number): Promise<void> {
  if (!needsSourceLookup(account, now)) return;
  const projects = account.projects!.value.slice(0, MAX_PROJECTS_LOOKED_UP);
  const lookups = await fetchProjectSources(projects, fetchFn, account.host);
  if (lookups.sources.length > 0 || lookups.failures.length < projects.length) await saveProjectSources(db, account.id, lookups, now);
}
