import { needsAccountSettings, DAY_MS, pypiPage, type Check } from '../types';
import { unreadableOutcome } from '../unreadable';

export const UNUSED_TOKEN_DAYS = 90;

export const apiTokens: Check = {
  id: 'api-tokens',
  title: 'API tokens',
  weight: 5,
  run(state, now) {
    const couldNotRead = unreadableOutcome(state, 'apiTokens');
    if (couldNotRead) return couldNotRead;
    const tokens = state.account.apiTokens?.value;
    const fix = pypiPage(state, '/manage/account/#api-tokens');
    if (!tokens) return needsAccountSettings(state, 'your tokens');
    const accountWide = tokens.filter((token) => token.scope?.kind === 'account');
    // Last used "Never" (null) counts from creation; a last use the page did not show (absent) is unknown.
    const lastActivityOf = (token: (typeof tokens)[number]) => (token.lastUsedAt === null ? token.createdAt : token.lastUsedAt);
    const idle = tokens.filter((token) => {
      const lastActivity = lastActivityOf(token);
      return lastActivity !== undefined && now - lastActivity >= UNUSED_TOKEN_DAYS * DAY_MS;
    });
    // Tokens stored by versions before the reader reported unreadable sections may lack these.
    const unreadable = tokens.filter((token) => token.scope === undefined || lastActivityOf(token) === undefined);
    const problems = [
      accountWide.length > 0 ? `${accountWide.length} can upload to all your projects (${accountWide.map((token) => `“${token.name}”`).join(', ')})` : '',
      idle.length > 0 ? `${idle.length} unused for ${UNUSED_TOKEN_DAYS}+ days (${idle.map((token) => `“${token.name}”`).join(', ')})` : '',
    ].filter(Boolean);
    if (problems.length > 0) return { status: 'warn', detail: `${problems.join('; ')}: scope them to one project or remove them.`, fix, fixLabel: 'Review tokens' };
    if (unreadable.length > 0) {
      return {
        status: 'unknown',
        detail: `PyPI Guard could not read the scope or last use of ${unreadable.map((token) => `“${token.name}”`).join(', ')}: check ${unreadable.length === 1 ? 'it' : 'them'} in your account settings.`,
        fix,
        fixLabel: 'Review tokens',
      };
    }
    return { status: 'pass', detail: tokens.length === 0 ? 'No API tokens.' : `${tokens.length} project-scoped token${tokens.length === 1 ? '' : 's'}, all in use.`, fix, fixLabel: 'Review tokens' };
  },
};
