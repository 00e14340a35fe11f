import { needsAccountSettings, pypiPage, type Check } from '../types';
import { primaryEmailVerified, registrableDomain, verifiedPrimaryEmail } from '../facts';
import { unreadableOutcome } from '../unreadable';

export const verifiedEmail: Check = {
  id: 'verified-email',
  title: 'Verified email addresses',
  weight: 15,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'emails');
    if (couldNotRead) return couldNotRead;
    const emails = state.account.emails?.value;
    const fix = pypiPage(state, '/manage/account/#account-emails');
    if (!emails) return needsAccountSettings(state, 'your emails');
    // The page showed the emails but not whether the primary one is verified.
    if (primaryEmailVerified(emails) === null) return needsAccountSettings(state, 'whether your primary email is verified');
    const primary = verifiedPrimaryEmail(emails);
    if (!primary) {
      return { status: 'fail', detail: 'No verified primary email: PyPI sends password resets and recovery mail there.', fix, fixLabel: 'Verify your email' };
    }
    const primaryDomain = registrableDomain(primary.address);
    const backup = emails.find((email) => email !== primary && email.verified === true && registrableDomain(email.address) !== primaryDomain);
    if (!backup) {
      return {
        status: 'warn',
        detail: `Add a second verified email on another domain than ${primaryDomain}: an expired domain can be re-registered and used to take the account.`,
        fix,
        fixLabel: 'Add an email',
      };
    }
    return { status: 'pass', detail: `Verified primary email and a backup on ${registrableDomain(backup.address)}.`, fix, fixLabel: 'Review emails' };
  },
};
