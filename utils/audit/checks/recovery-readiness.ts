import { needsAccountSettings, pypiPage, type Check } from '../types';
import { primaryEmailVerified } from '../facts';
import { recoveryPageQuery } from '../../recovery/query';

/**
 * If everything else were lost, could PyPI's admins verify the owner? They write to the primary
 * email and, where a project has a public source repository, ask the owner to push a branch
 * there; otherwise there is a waiting period (pypi-facts.md §9).
 */
export const recoveryReadiness: Check = {
  id: 'recovery-readiness',
  title: 'Ready for an account recovery',
  weight: 5,
  run(state) {
    const { account } = state;
    const assistant = { kind: 'extension' as const, path: `recovery.html${recoveryPageQuery(account.host, account.username, 'popup')}` };
    const emails = account.emails?.value;
    if (!emails) return needsAccountSettings(state, 'your emails');
    const verified = primaryEmailVerified(emails);
    if (verified === null) return needsAccountSettings(state, 'whether your primary email is verified');
    if (!verified) {
      // A warning, not a second failure: "Verified email addresses" already fails for this.
      return { status: 'warn', detail: 'Without a verified primary email PyPI support has nowhere to reach you.', fix: pypiPage(state, '/manage/account/#account-emails'), fixLabel: 'Verify your email' };
    }
    const projects = account.projects?.value;
    if (!projects) return { status: 'unknown', detail: 'Open “Your projects” on PyPI once so PyPI Guard knows your projects.', fix: pypiPage(state, '/manage/projects/'), fixLabel: 'Open your projects' };
    if (projects.length === 0) {
      return { status: 'warn', detail: 'Email is set; with no project of yours, PyPI would add a waiting period to a recovery.', fix: assistant, fixLabel: 'See how recovery works' };
    }
    const sources = account.projectSources?.value;
    if (!sources) return { status: 'unknown', detail: 'The source repositories of your projects are not looked up yet.', fix: assistant, fixLabel: 'Look them up' };
    const withRepository = sources.filter((source) => source.repositoryUrl);
    if (withRepository.length === 0) {
      return { status: 'warn', detail: 'None of your projects names a public source repository, which PyPI uses to verify owners.', fix: assistant, fixLabel: 'See what to add' };
    }
    const names = withRepository.map((source) => source.project);
    return {
      status: 'pass',
      detail: `Verified email, and ${names.slice(0, 2).join(', ')}${names.length > 2 ? '…' : ''} link a public repository you could push a branch to.`,
      fix: assistant,
      fixLabel: 'Prepare your evidence',
    };
  },
};
