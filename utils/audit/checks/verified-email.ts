import { needsAccountSettings, pypiPage, type Check } from '../types';
import { primaryEmailVerified, registrableDomain, verifiedPrimaryEmail } from '../facts';
import { unreadableOutcome } from '../unreadable';
import { t } from '../../text/messages';

export const verifiedEmail: Check = {
  id: 'verified-email',
  title: t('check_verified_email_title'),
  weight: 15,
  run(state) {
    const couldNotRead = unreadableOutcome(state, 'emails');
    if (couldNotRead) return couldNotRead;
    const emails = state.account.emails?.value;
    const fix = pypiPage(state, '/manage/account/#account-emails');
    if (!emails) return needsAccountSettings(state, 'emails');
    // The page showed the emails but not whether the primary one is verified.
    if (primaryEmailVerified(emails) === null) return needsAccountSettings(state, 'primary_verified');
    const primary = verifiedPrimaryEmail(emails);
    if (!primary) {
      return { status: 'fail', detail: t('check_verified_email_none'), fix, fixLabel: t('fix_verify_email') };
    }
    const primaryDomain = registrableDomain(primary.address);
    const backup = emails.find((email) => email !== primary && email.verified === true && registrableDomain(email.address) !== primaryDomain);
    if (!backup) {
      return {
        status: 'warn',
        detail: t('check_verified_email_no_backup', { domain: primaryDomain }),
        fix,
        fixLabel: t('check_verified_email_fix_add'),
      };
    }
    return { status: 'pass', detail: t('check_verified_email_pass', { domain: registrableDomain(backup.address) }), fix, fixLabel: t('check_verified_email_fix_review') };
  },
};
