/**
 * Fields a look-alike page may collect a password with: a password input, or a text input that
 * hides what is typed (CSS `-webkit-text-security`, a masking font) or says it is one (its
 * autocomplete token, name, id, placeholder or label). Used by the opt-in probe on pages whose
 * host may imitate PyPI; reads one element's own attributes and computed style. No imports.
 */

const TEXT_LIKE = new Set(['text', 'search', 'tel', 'email', 'url']);
/** "password" in a few of PyPI's locales, and the usual short forms. */
const PASSWORD_WORDS = /pass(word|wd|phrase)?\b|\bpwd|passwort|contrase[ñn]a|mot[\s_-]?de[\s_-]?passe|senha|wachtwoord|has[lł]o|パスワード|密码|密碼|비밀번호|пароль/i;

export function isPasswordLike(element: Element): boolean {
  if (element.localName !== 'input') return false;
  const input = element as HTMLInputElement;
  const type = (input.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'password') return true;
  if (!TEXT_LIKE.has(type)) return false;
  if (/(^|\s)(current|new)-password(\s|$)/i.test(input.getAttribute('autocomplete') ?? '')) return true;
  const style = input.ownerDocument.defaultView?.getComputedStyle(input);
  const masking = style?.getPropertyValue('-webkit-text-security').trim();
  if (masking && masking !== 'none') return true;
  if (/text-security|password/i.test(style?.getPropertyValue('font-family') ?? '')) return true;
  const words = [input.name, input.id, input.getAttribute('placeholder'), input.getAttribute('aria-label')].join(' ');
  return PASSWORD_WORDS.test(words);
}
