/** A performance mark the popup sets as its code starts (read by scripts/bench/popup.ts). */
export const POPUP_START_MARK = 'pypi-guard:popup-start';
