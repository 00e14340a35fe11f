/**
 * The look-alike warning's only stylesheet, inside its closed shadow root, written against a page
 * that wants it gone: `:host` resets every property with `!important` (inside a shadow tree an
 * `!important` rule beats the page's, its style attribute's included) and covers the viewport;
 * sizes in px; custom properties on the inner element, where the page cannot set them.
 */
export const LOOKALIKE_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  width: 100vw !important;
  height: 100vh !important;
  max-width: none !important;
  max-height: none !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: auto !important;
  background: #a50e0e !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  mask: none !important;
  opacity: 1 !important;
  visibility: visible !important;
  pointer-events: auto !important;
  contain: none !important;
}
:host::backdrop { background: transparent; }
.pg-interstitial {
  --pg-fg: #ffffff;
  --pg-accent: #ffffff;
  --pg-focus: #ffd33d;
  box-sizing: border-box;
  min-height: 100vh;
  display: flex;
  align-items: center;
  justify-content: center;
  padding: 32px 16px;
  font: 400 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--pg-fg);
  text-align: start;
  direction: inherit; /* from the dir PyPI Guard sets inside its shadow root (utils/text/page.ts), never the page's */
}
.pg-interstitial__panel { max-width: 600px; }
.pg-interstitial__brand { margin: 0 0 8px; font-size: 13px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; opacity: 0.85; }
h1 { margin: 0 0 16px; font-size: 32px; line-height: 1.2; font-weight: 700; }
p { margin: 12px 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 16px; font-weight: 700; word-break: break-all; }
.pg-strong { font-weight: 700; }
.pg-interstitial__actions { display: flex; flex-wrap: wrap; align-items: center; gap: 16px; margin-top: 24px; }
.pg-interstitial__continue { margin-top: 24px; padding-top: 16px; border-top: 1px solid rgba(255, 255, 255, 0.4); }
.pg-button {
  display: inline-block; box-sizing: border-box; font: inherit; font-size: 15px; font-weight: 600; line-height: 1.3;
  padding: 10px 18px; border-radius: 6px; border: 2px solid #ffffff; cursor: pointer; text-decoration: none;
}
.pg-button--primary { background: #ffffff; color: #a50e0e; }
.pg-button--danger { background: transparent; color: #ffffff; }
.pg-link { color: #ffffff; text-decoration: underline; background: none; border: 0; padding: 0; font: inherit; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 3px solid var(--pg-focus); outline-offset: 3px; }
`;
