import { t, uiDirection, uiLanguage, type MessageId } from './messages';

/**
 * Makes an extension page speak the UI language: `lang` for screen readers and hyphenation, `dir`
 * from the catalogue's `@@bidi_dir` (Hebrew reads right to left; the CSS uses logical properties,
 * so the layout mirrors with it), and the tab's title.
 */
export function localizePage(title: MessageId): void {
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
  document.title = t(title);
}

/** The same for one element PyPI Guard adds to someone else's page (the prompts' shadow host). */
export function localizeElement(element: HTMLElement): void {
  element.lang = uiLanguage();
  element.dir = uiDirection();
}
