import type { PypiHost } from '../pypi/hosts';

/**
 * PyPI's JSON API address of a project: the only request a repository look-up makes. On its own
 * (no catalogue, no store) so the manifest's test can check the permission covers it.
 */
export function projectJsonUrl(host: PypiHost, project: string): string {
  return `https://${host}/pypi/${encodeURIComponent(project)}/json`;
}
