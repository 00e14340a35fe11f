import { describe, expect, it } from 'vitest';
import { recoveryReadiness } from '@/utils/audit/checks/recovery-readiness';
import { NOW, seen, state } from '../builders';

describe('recovery-readiness', () => {
  it('warns (the email check already fails) without a verified primary email', () => {
    expect(recoveryReadiness.run(state({ emails: seen([{ address: 'a@b.org', primary: true, verified: false, status: 'unverified' }]) }), NOW).status).toBe('warn');
  });
  it('is unknown, not warned, when the page did not show whether the primary email is verified', () => {
    expect(recoveryReadiness.run(state({ emails: seen([{ address: 'a@b.org', primary: true }]) }), NOW)).toMatchObject({ status: 'unknown', fix: { url: 'https://pypi.org/manage/account/' } });
  });
  it('is unknown until projects and their repositories are known, and says how to find out', () => {
    expect(recoveryReadiness.run(state({ projects: undefined }), NOW)).toMatchObject({ status: 'unknown', fix: { url: 'https://pypi.org/manage/projects/' } });
    expect(recoveryReadiness.run(state(), NOW)).toMatchObject({ status: 'unknown', fix: { kind: 'extension', path: 'recovery.html?host=pypi.org&username=alice&from=popup&intent=evidence' } });
  });
  it('warns when no project names a public repository, or there is no project', () => {
    expect(recoveryReadiness.run(state({ projectSources: seen([{ project: 'alice-tools', repositoryUrl: null }]) }), NOW).status).toBe('warn');
    expect(recoveryReadiness.run(state({ projects: seen([]) }), NOW).status).toBe('warn');
  });
  it('passes with a verified email and a linked repository, saying what PyPI would ask rather than claiming push access', () => {
    const ready = state({ projectSources: seen([{ project: 'alice-tools', repositoryUrl: 'https://github.com/alice/alice-tools.git' }]) });
    expect(recoveryReadiness.run(ready, NOW)).toMatchObject({
      status: 'pass',
      detail: 'Verified email. PyPI would ask you to push a branch to github.com/alice/alice-tools: make sure you still can.',
      fix: { kind: 'extension', path: 'recovery.html?host=pypi.org&username=alice&from=popup&intent=evidence' },
    });
    const several = state({
      projectSources: seen([
        { project: 'a', repositoryUrl: null },
        { project: 'b', repositoryUrl: 'https://gitlab.com/alice/b/' },
        { project: 'c', repositoryUrl: 'https://github.com/alice/c' },
      ]),
    });
    expect(recoveryReadiness.run(several, NOW).detail).toBe('Verified email. PyPI would ask you to push a branch to gitlab.com/alice/b (or another of your 2 linked repositories): make sure you still can.');
  });
});
