/** A performance mark the popup sets as its code starts (read by scripts/bench/popup.ts). */
export const POPUP_START_MARK = 'pypi-guard:popup-start';
/**
 * The accounts the popup paints first: four fit above its footer, one more in case they are short.
 * The rest follow in the next task (App.tsx); the bench times both.
 */
export const FIRST_SCREEN_ACCOUNTS = 5;
