import { needsAccountSettings, pypiPage, type Check } from '../types';
import { primaryEmailVerified } from '../facts';
import { recoveryPageQuery } from '../../recovery/query';
import { unreadableOutcome } from '../unreadable';
import { t } from '../../text/messages';

/**
 * If everything else were lost, could PyPI's admins verify the owner? They write to the primary
 * email and, where a project has a public source repository, ask the owner to push a branch
 * there; otherwise there is a waiting period (pypi-facts.md §9).
 */
export const recoveryReadiness: Check = {
  id: 'recovery-readiness',
  title: t('check_recovery_readiness_title'),
  weight: 5,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'emails');
    if (couldNotRead) return couldNotRead;
    const { account } = state;
    const assistant = { kind: 'extension' as const, path: `recovery.html${recoveryPageQuery(account.host, account.username, 'popup')}` };
    // The assistant's evidence mode: the kit for this account at once, with the repository look-up.
    const evidence = { kind: 'extension' as const, path: `recovery.html${recoveryPageQuery(account.host, account.username, 'popup', 'evidence')}` };
    const emails = account.emails?.value;
    if (!emails) return needsAccountSettings(state, 'emails');
    const verified = primaryEmailVerified(emails);
    if (verified === null) return needsAccountSettings(state, 'primary_verified');
    if (!verified) {
      // A warning, not a second failure: "Verified email addresses" already fails for this.
      return { status: 'warn', detail: t('check_readiness_unverified'), fix: pypiPage(state, '/manage/account/#account-emails'), fixLabel: t('fix_verify_email') };
    }
    const projects = account.projects?.value;
    if (!projects) return { status: 'unknown', detail: t('check_readiness_no_projects_known'), fix: pypiPage(state, '/manage/projects/'), fixLabel: t('check_readiness_fix_open_projects') };
    if (projects.length === 0) {
      return { status: 'warn', detail: t('check_readiness_no_projects'), fix: assistant, fixLabel: t('check_readiness_fix_how') };
    }
    const sources = account.projectSources?.value;
    if (!sources) return { status: 'unknown', detail: t('check_readiness_sources_unknown'), fix: evidence, fixLabel: t('check_readiness_fix_look_up') };
    const withRepository = sources.filter((source) => source.repositoryUrl);
    if (withRepository.length === 0) {
      return { status: 'warn', detail: t('check_readiness_no_repository'), fix: assistant, fixLabel: t('check_readiness_fix_what_to_add') };
    }
    // PyPI Guard cannot tell whether the user can still push there: it does not read the account's
    // GitHub/GitLab associations, and an association would not prove push access either. So the
    // pass says what PyPI would ask, and leaves the "can you still" to the user.
    const repository = displayRepository(withRepository[0]!.repositoryUrl!);
    return {
      status: 'pass',
      detail: withRepository.length > 1 ? t('check_readiness_pass_others', { repository, count: withRepository.length }) : t('check_readiness_pass', { repository }),
      fix: evidence,
      fixLabel: t('check_readiness_fix_evidence'),
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
