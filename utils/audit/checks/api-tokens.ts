import { needsAccountSettings, DAY_MS, pypiPage, type Check } from '../types';
import { unreadableOutcome } from '../unreadable';
import { quotedNames, t } from '../../text/messages';

export const UNUSED_TOKEN_DAYS = 90;

/** Token names as the user gave them, quoted: `“ci”, “docs”`. */
const namesOf = (tokens: readonly { name: string }[]) => quotedNames(tokens.map((token) => token.name));

export const apiTokens: Check = {
  id: 'api-tokens',
  title: t('check_api_tokens_title'),
  weight: 5,
  run(state, now) {
    const couldNotRead = unreadableOutcome(state, 'apiTokens');
    if (couldNotRead) return couldNotRead;
    const tokens = state.account.apiTokens?.value;
    const fix = pypiPage(state, '/manage/account/#api-tokens');
    if (!tokens) return needsAccountSettings(state, 'tokens');
    const accountWide = tokens.filter((token) => token.scope?.kind === 'account');
    // Last used "Never" (null) counts from creation; a last use the page did not show (absent) is unknown.
    const lastActivityOf = (token: (typeof tokens)[number]) => (token.lastUsedAt === null ? token.createdAt : token.lastUsedAt);
    const idle = tokens.filter((token) => {
      const lastActivity = lastActivityOf(token);
      return lastActivity !== undefined && now - lastActivity >= UNUSED_TOKEN_DAYS * DAY_MS;
    });
    // Tokens stored by versions before the reader reported unreadable sections may lack these.
    const unreadable = tokens.filter((token) => token.scope === undefined || lastActivityOf(token) === undefined);
    const fixLabel = t('check_api_tokens_fix');
    const wide = { count: accountWide.length, names: namesOf(accountWide) };
    const unused = { count: idle.length, names: namesOf(idle), days: UNUSED_TOKEN_DAYS };
    if (wide.count > 0 && unused.count > 0) {
      const detail = t('check_api_tokens_wide_and_idle', { wide: wide.count, wide_names: wide.names, idle: unused.count, idle_names: unused.names, days: UNUSED_TOKEN_DAYS });
      return { status: 'warn', detail, fix, fixLabel };
    }
    if (wide.count > 0) return { status: 'warn', detail: t('check_api_tokens_account_wide', wide), fix, fixLabel };
    if (unused.count > 0) return { status: 'warn', detail: t('check_api_tokens_idle', unused), fix, fixLabel };
    if (unreadable.length > 0) {
      return { status: 'unknown', detail: t('check_api_tokens_unreadable', { count: unreadable.length, names: namesOf(unreadable) }), fix, fixLabel };
    }
    return { status: 'pass', detail: tokens.length === 0 ? t('check_api_tokens_none') : t('check_api_tokens_pass', { count: tokens.length }), fix, fixLabel };
  },
};
