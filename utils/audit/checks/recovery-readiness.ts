import { needsAccountSettings, pypiPage, type Check } from '../types';
import { primaryEmailVerified } from '../facts';
import { recoveryPageQuery } from '../../recovery/query';
import { unreadableOutcome } from '../unreadable';

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
    const couldNotRead = unreadableOutcome(state, 'emails');
    if (couldNotRead) return couldNotRead;
    const { account } = state;
    const assistant = { kind: 'extension' as const, path: `recovery.html${recoveryPageQuery(account.host, account.username, 'popup')}` };
    // The assistant's evidence mode: the kit for this account at once, with the repository look-up.
    const evidence = { kind: 'extension' as const, path: `recovery.html${recoveryPageQuery(account.host, account.username, 'popup', 'evidence')}` };
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
    if (!sources) return { status: 'unknown', detail: 'The source repositories of your projects are not looked up yet.', fix: evidence, fixLabel: 'Look them up' };
    const withRepository = sources.filter((source) => source.repositoryUrl);
    if (withRepository.length === 0) {
      return { status: 'warn', detail: 'None of your projects names a public source repository, which PyPI uses to verify owners.', fix: assistant, fixLabel: 'See what to add' };
    }
    // PyPI Guard cannot tell whether the user can still push there: it does not read the account's
    // GitHub/GitLab associations, and an association would not prove push access either. So the
    // pass says what PyPI would ask, and leaves the "can you still" to the user.
    const first = withRepository[0]!;
    const others = withRepository.length - 1;
    return {
      status: 'pass',
      detail: `Verified email. PyPI would ask you to push a branch to ${displayRepository(first.repositoryUrl!)}${others > 0 ? ` (or another of your ${withRepository.length} linked repositories)` : ''}: make sure you still can.`,
      fix: evidence,
      fixLabel: 'Prepare your evidence',
    };
  },
};

/** `https://github.com/alice/tools.git` → `github.com/alice/tools`: short enough for one line. */
function displayRepository(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname.replace(/\.git$/, '').replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}
