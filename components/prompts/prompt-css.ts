/**
 * The prompts' only stylesheet, inside the shadow root. Written against a hostile page:
 * - `:host` resets every property with `!important` (an inner `!important` beats the page's, so
 *   `pypi-guard-ui { display: none !important }` on PyPI's side changes nothing); the host is a
 *   block in PyPI's flow (mount.tsx places it), so a card pushes content down, never covers it;
 * - sizes in px, never rem (rem follows the page's root font size);
 * - custom properties set on `.pg-dock`, not `:host`, where the page could override them;
 * - the shadow's own `<html>`/`<body>` lose the user-agent margins.
 */
export const PROMPT_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: relative !important;
  z-index: auto !important;
  width: auto !important;
  max-width: 720px !important;
  height: auto !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  transform: none !important;
  opacity: 1 !important;
  visibility: visible !important;
  pointer-events: none !important;
  contain: layout style !important;
}
html, body { display: block; margin: 0; padding: 0; background: transparent; }
.pg-dock {
  --pg-bg: #ffffff;
  --pg-fg: #1f2328;
  --pg-muted: #57606a;
  --pg-border: #d0d7de;
  --pg-accent: #0b5fa5;
  --pg-accent-text: #ffffff;
  --pg-info: #0b5fa5;
  --pg-good: #1a7f37;
  --pg-warning: #9a6700;
  --pg-danger: #cf222e;
  --pg-button-bg: #f6f8fa;
  --pg-focus: #0969da;
  display: flex;
  flex-direction: column;
  gap: 8px;
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--pg-fg);
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  direction: inherit; /* from the dir PyPI Guard sets inside its shadow root (utils/text/page.ts), never the page's */
}
@media (prefers-color-scheme: dark) {
  .pg-dock {
    --pg-bg: #161b22;
    --pg-fg: #e6edf3;
    --pg-muted: #9da7b3;
    --pg-border: #3d444d;
    --pg-accent: #4493f8;
    --pg-accent-text: #0d1117;
    --pg-info: #4493f8;
    --pg-good: #3fb950;
    --pg-warning: #d29922;
    --pg-danger: #f85149;
    --pg-button-bg: #21262d;
    --pg-focus: #4493f8;
  }
}
.pg-dock[data-lead] { margin: 12px 0; }
.pg-card[hidden] { display: none; }
/* On PyPI's own background (light whatever the theme), so it carries the card's own: axe contrast. */
.pg-more { margin: 0; pointer-events: auto; font-size: 14px; align-self: flex-start; padding: 2px 8px; border-radius: 4px; background: var(--pg-bg); }
.pg-card {
  pointer-events: auto;
  box-sizing: border-box;
  background: var(--pg-bg);
  color: var(--pg-fg);
  border: 1px solid var(--pg-border);
  border-inline-start: 4px solid var(--pg-info);
  border-radius: 8px;
  padding: 10px 12px;
}
.pg-card[data-tone="good"] { border-inline-start-color: var(--pg-good); }
.pg-card[data-tone="warning"] { border-inline-start-color: var(--pg-warning); }
.pg-card[data-tone="danger"] { border-inline-start-color: var(--pg-danger); }
.pg-card__header { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.pg-card__brand { font-size: 12px; font-weight: 600; color: var(--pg-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.pg-card__title { flex: 1 1 100%; order: 2; margin: 2px 0 0; font-size: 15px; font-weight: 650; line-height: 1.3; }
.pg-card__close {
  order: 1; margin-inline-start: auto; border: 0; background: transparent; color: var(--pg-muted);
  font: inherit; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 4px; cursor: pointer;
}
.pg-card__body { margin-top: 6px; }
.pg-card__body p { margin: 6px 0; }
.pg-card__body ul { margin: 6px 0; padding-inline-start: 20px; }
.pg-card__body li { margin: 2px 0; }
.pg-card__actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.pg-muted { color: var(--pg-muted); font-size: 13px; }
.pg-strong { font-weight: 650; }
.pg-badge {
  display: inline-block; margin-inline-end: 6px; padding: 0 6px; border: 1px solid var(--pg-accent); border-radius: 9px;
  color: var(--pg-accent); font-size: 12px; font-weight: 650; line-height: 16px; text-transform: uppercase; vertical-align: 1px;
}
.pg-verdict { font-weight: 650; }
.pg-verdict[data-tone="good"] { color: var(--pg-good); }
.pg-verdict[data-tone="warning"] { color: var(--pg-warning); }
.pg-verdict[data-tone="danger"] { color: var(--pg-danger); }
.pg-button, a.pg-button {
  display: inline-block; box-sizing: border-box; font: inherit; font-size: 14px; font-weight: 600; line-height: 1.3;
  padding: 5px 10px; border-radius: 6px; border: 1px solid var(--pg-border); background: var(--pg-button-bg);
  color: var(--pg-fg); text-decoration: none; cursor: pointer;
}
.pg-button--primary, a.pg-button--primary { background: var(--pg-accent); border-color: var(--pg-accent); color: var(--pg-accent-text); }
.pg-button--quiet { background: transparent; color: var(--pg-muted); font-weight: 500; }
.pg-link { color: var(--pg-accent); text-decoration: underline; background: none; border: 0; padding: 0; font: inherit; cursor: pointer; }
.pg-card[data-quiet] { padding: 8px 12px; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--pg-focus); outline-offset: 2px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 14px; }
`;
