import type { PageKind } from '../../pypi/page-kinds';
import { parseAccountDetails } from '../../pypi/parse/account-details';
import { asUsername, signedInUsername } from '../../pypi/parse/dom';
import { parseEmails } from '../../pypi/parse/emails';
import { parseTwoFactorSection } from '../../pypi/parse/two-factor-section';
import { valueOf } from '../../pypi/parse/read';
import type { TwoFactorKnown } from './evaluate';
import type { AccountWords } from './inputs';

/** PyPI's password forms (pypi-facts.md §2, §3, §7). */
export type PasswordFormKind = 'login' | 'register' | 'change' | 'reset';

export interface PasswordForm {
  kind: PasswordFormKind;
  form: HTMLFormElement;
  /** `new_password` on register, change and reset; `password` on login. */
  field: HTMLInputElement;
  /** The account's public words, read when asked (register fills them in as the user types). */
  words(): AccountWords;
  /** The account's username: typed (login, register) or shown (change); null on reset. */
  username(): string | null;
  /** The field the username is typed in (login, register). */
  usernameField?: HTMLInputElement;
  twoFactor(): TwoFactorKnown;
}

const inputValue = (root: ParentNode, name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '';

/** The password form PyPI shows on this kind of page, or null when there is none. */
export function findPasswordForm(kind: PageKind, doc: Document): PasswordForm | null {
  switch (kind) {
    case 'login': {
      const form = doc.querySelector<HTMLFormElement>('form#login-form');
      const field = form?.querySelector<HTMLInputElement>('input[name="password"]');
      if (!form || !field) return null;
      const username = () => asUsername(inputValue(form, 'username')) ?? null;
      const usernameField = form.querySelector<HTMLInputElement>('input[name="username"]') ?? undefined;
      return { kind: 'login', form, field, username, usernameField, words: () => ({ username: username() }), twoFactor: () => 'unknown' };
    }
    case 'register': {
      // The register form has no id (§2); its new_password field is the marker.
      const field = doc.querySelector<HTMLInputElement>('form input[name="new_password"]');
      const form = field?.form;
      if (!form || !field) return null;
      const username = () => asUsername(inputValue(form, 'username')) ?? null;
      return {
        kind: 'register',
        form,
        field,
        username,
        usernameField: form.querySelector<HTMLInputElement>('input[name="username"]') ?? undefined,
        words: () => ({ username: username(), email: inputValue(form, 'email').trim(), fullName: inputValue(form, 'full_name') }),
        // A new account has no second factor yet.
        twoFactor: () => 'no',
      };
    }
    case 'account-settings': {
      const form = doc.querySelector<HTMLFormElement>('form#change-password-form');
      const field = form?.querySelector<HTMLInputElement>('input[name="new_password"]');
      if (!form || !field) return null;
      const username = () => parseAccountDetails(doc).username ?? signedInUsername(doc) ?? null;
      return {
        kind: 'change',
        form,
        field,
        username,
        words: () => ({
          username: username(),
          email: valueOf(parseEmails(doc))?.find((email) => email.primary)?.address ?? null,
          fullName: doc.querySelector<HTMLInputElement>('section#account-details input[name="name"]')?.value ?? null,
        }),
        // /manage/account/ shows the two-factor section (§3): it says whether 2FA is on.
        twoFactor: () => {
          const twoFactor = valueOf(parseTwoFactorSection(doc)?.twoFactor);
          if (!twoFactor) return 'unknown';
          return twoFactor.totp || twoFactor.securityKeys.length > 0 ? 'yes' : 'no';
        },
      };
    }
    case 'reset-password': {
      const form = doc.querySelector<HTMLFormElement>('form#reset-password-form');
      const field = form?.querySelector<HTMLInputElement>('input[name="new_password"]');
      if (!form || !field) return null;
      // The reset page names no account (the token in the URL is opaque).
      return { kind: 'reset', form, field, username: () => null, words: () => ({}), twoFactor: () => 'unknown' };
    }
    default:
      return null;
  }
}
