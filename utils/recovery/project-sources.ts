import * as v from 'valibot';
import type { PypiHost } from '../pypi/hosts';
import type { PypiGuardDb } from '../store/schema';
import type { AccountId, ProjectSource } from '../store/types';
import { t } from '../text/messages';
import { projectJsonUrl } from './project-json-url';

/**
 * Which of an account's projects has a public source repository. PyPI's admins ask the owner of
 * such a repository to push a branch with a name they give (pypi-facts.md §9), so knowing the
 * repositories ahead tells the user which proof they can give. The facts come from PyPI's public
 * JSON API (`/pypi/<project>/json`, `info.project_urls`), which answers cross-origin requests: no
 * host permission is needed, no cookie is sent, and only the public project name leaves the device.
 */

/** Forges where a project's repository URL has a known shape (owner/name, or GitLab's groups). */
const FORGES = ['github.com', 'gitlab.com', 'codeberg.org'] as const;

// GitHub and Codeberg paths that are site pages, not owners.
const NOT_OWNERS = new Set(['sponsors', 'orgs', 'features', 'about', 'marketplace', 'apps', 'topics', 'settings', 'users', 'explore', 'login', 'collections', 'search']);
const NOT_GITLAB_ROOTS = new Set(['users', 'groups', 'explore', 'help', 'dashboard', '-']);

/** `project_urls` keys (lower-cased, letters only) that name the source repository itself. */
const SOURCE_KEYS = new Set(['source', 'sourcecode', 'sources', 'repository', 'repo', 'code', 'github', 'gitlab', 'codeberg', 'git', 'sourcerepository', 'scm', 'vcs', 'browsesource']);
const HOMEPAGE_KEYS = new Set(['homepage', 'home', 'website']);

function keyOf(label: string): string {
  return label.toLowerCase().replace(/[^a-z]/g, '');
}

function parseUrl(raw: string): URL | null {
  let text = raw.trim().replace(/^git\+/, '');
  // `git@github.com:owner/repo.git` is how some projects write their repository.
  const ssh = /^git@([^:/]+):(.+)$/.exec(text);
  if (ssh) text = `https://${ssh[1]}/${ssh[2]}`;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'git:' ? url : null;
  } catch {
    return null;
  }
}

/** The repository root of a forge URL (`https://github.com/o/r/issues` → `https://github.com/o/r`), or null. */
export function forgeRepositoryUrl(raw: string): string | null {
  const url = parseUrl(raw);
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (!(FORGES as readonly string[]).includes(host)) return null;
  const segments = url.pathname.split('/').filter(Boolean);
  // pip-style `repo.git@v1.0` names a ref after the repository; repository names hold no `@`.
  const stripGit = (name: string) => name.replace(/@.*$/, '').replace(/\.git$/i, '');
  if (host === 'gitlab.com') {
    const end = segments.indexOf('-');
    const path = (end === -1 ? segments : segments.slice(0, end)).map(stripGit);
    if (path.length < 2 || NOT_GITLAB_ROOTS.has(path[0]!.toLowerCase())) return null;
    return `https://gitlab.com/${path.join('/')}`;
  }
  const [owner, repo] = segments;
  if (!owner || !repo || NOT_OWNERS.has(owner.toLowerCase())) return null;
  const name = stripGit(repo);
  return name ? `https://${host}/${owner}/${name}` : null;
}

/**
 * Picks the source repository from a project's `project_urls` (and the older `home_page`):
 * a source-like key first (any http(s) URL, forge URLs cut to the repository root), then a
 * homepage that is a forge repository, then any other link into a forge repository (an issue
 * tracker or changelog still names the repository). Null when nothing fits.
 */
export function pickSourceRepository(projectUrls: Record<string, string> | null | undefined, homePage?: string | null): string | null {
  const entries = Object.entries(projectUrls ?? {});
  if (homePage) entries.push(['Homepage', homePage]);

  for (const [label, url] of entries) {
    if (!SOURCE_KEYS.has(keyOf(label))) continue;
    const forge = forgeRepositoryUrl(url);
    if (forge) return forge;
    const parsed = parseUrl(url);
    if (parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.pathname.length > 1) return parsed.href;
  }
  for (const [label, url] of entries) {
    if (!HOMEPAGE_KEYS.has(keyOf(label))) continue;
    const forge = forgeRepositoryUrl(url);
    if (forge) return forge;
  }
  for (const [, url] of entries) {
    const forge = forgeRepositoryUrl(url);
    if (forge) return forge;
  }
  return null;
}

/** The part of PyPI's JSON API answer that is read; everything else is ignored. */
export const ProjectJsonSchema = v.object({
  info: v.object({
    name: v.string(),
    project_urls: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
    home_page: v.optional(v.nullable(v.unknown())),
  }),
});

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type SourceLookup = { ok: true; source: ProjectSource } | { ok: false; project: string; message: string };

export { projectJsonUrl };

export async function fetchProjectSource(project: string, fetchFn: FetchLike, host: PypiHost = 'pypi.org', signal?: AbortSignal): Promise<SourceLookup> {
  let response: Response;
  try {
    response = await fetchFn(projectJsonUrl(host, project), { credentials: 'omit', headers: { Accept: 'application/json' }, signal });
  } catch {
    return { ok: false, project, message: t('sources_error_unreachable', { host, project }) };
  }
  if (response.status === 404) {
    return { ok: false, project, message: t('sources_error_not_found', { host, project }) };
  }
  if (!response.ok) {
    return { ok: false, project, message: t('sources_error_status', { host, status: response.status, project }) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, project, message: t('sources_error_not_json', { host, project }) };
  }
  const parsed = v.safeParse(ProjectJsonSchema, body);
  if (!parsed.success) {
    return { ok: false, project, message: t('sources_error_shape', { host, project }) };
  }
  const { project_urls, home_page } = parsed.output.info;
  const urls: Record<string, string> = {};
  for (const [label, url] of Object.entries(project_urls ?? {})) if (typeof url === 'string') urls[label] = url;
  const repositoryUrl = pickSourceRepository(urls, typeof home_page === 'string' ? home_page : null);
  return { ok: true, source: { project, repositoryUrl } };
}

export interface SourceLookups {
  sources: ProjectSource[];
  failures: { project: string; message: string }[];
}

/** Looks the projects up a few at a time (PyPI is a shared service), in the given order. */
export async function fetchProjectSources(
  projects: readonly string[],
  fetchFn: FetchLike,
  host: PypiHost = 'pypi.org',
  { concurrency = 4, signal }: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<SourceLookups> {
  const results: SourceLookup[] = new Array(projects.length);
  let next = 0;
  const worker = async () => {
    while (next < projects.length) {
      const index = next++;
      results[index] = await fetchProjectSource(projects[index]!, fetchFn, host, signal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, projects.length) }, worker));
  const lookups: SourceLookups = { sources: [], failures: [] };
  for (const result of results) {
    if (result.ok) lookups.sources.push(result.source);
    else lookups.failures.push({ project: result.project, message: result.message });
  }
  return lookups;
}

/**
 * Pure: the account's sources after a look-up. A project looked up successfully gets its new
 * source; every other earlier source stays — projects this look-up did not cover (the assistant
 * looks up only those not known yet, the background only the first ones) and projects whose
 * look-up failed (a flaky network never erases a known repository). Sources of projects the
 * account is known to no longer have are dropped: they would be false evidence. Project names
 * match without regard to case, as on PyPI.
 */
export function mergeProjectSources(earlier: readonly ProjectSource[], lookups: SourceLookups, projects?: readonly string[]): ProjectSource[] {
  const key = (project: string) => project.toLowerCase();
  const fresh = new Set(lookups.sources.map((source) => key(source.project)));
  const current = projects ? new Set(projects.map(key)) : null;
  const kept = earlier.filter((source) => !fresh.has(key(source.project)) && (!current || current.has(key(source.project))));
  return [...lookups.sources, ...kept];
}

/** Keeps the looked-up sources on the account record (`projectSources`), merged with the earlier ones. */
export async function saveProjectSources(db: PypiGuardDb, id: AccountId, lookups: SourceLookups, now: number): Promise<void> {
  const tx = db.transaction('accounts', 'readwrite');
  const record = await tx.store.get(id);
  if (record) {
    const merged = mergeProjectSources(record.projectSources?.value ?? [], lookups, record.projects?.value);
    await tx.store.put({ ...record, projectSources: { value: merged, seenAt: now } });
  }
  await tx.done;
}
