import { describe, expect, it } from 'vitest';
import { isPromptId, promptScopeOf, promptStateKey, PROMPT_IDS } from '@/utils/prompts/ids';
import { applyPromptAction, DAY_MS, isPromptSilenced, PROMPT_SNOOZE_DAYS } from '@/utils/prompts/state';
import { PROMPT_CSS } from '@/components/prompts/prompt-css';

const NOW = 1_750_000_000_000;

describe('prompt dismissal', () => {
  it('keys a dismissal by account (lower-cased) or by host', () => {
    expect(promptStateKey(promptScopeOf('pypi.org', 'Alice'), 'enable-2fa')).toBe('pypi.org/alice|enable-2fa');
    expect(promptStateKey(promptScopeOf('test.pypi.org', null), 'lost-2fa-help')).toBe('test.pypi.org|lost-2fa-help');
  });

  it('silences for good on dismiss, and for a week on snooze', () => {
    const dismissed = applyPromptAction('k', 'dismiss', NOW);
    expect(dismissed).toEqual({ id: 'k', dismissedAt: NOW });
    expect(isPromptSilenced(dismissed, NOW + 1000 * DAY_MS)).toBe(true);

    const snoozed = applyPromptAction('k', 'snooze', NOW);
    expect(snoozed).toEqual({ id: 'k', snoozedUntil: NOW + PROMPT_SNOOZE_DAYS * DAY_MS });
    expect(isPromptSilenced(snoozed, NOW + PROMPT_SNOOZE_DAYS * DAY_MS - 1)).toBe(true);
    expect(isPromptSilenced(snoozed, NOW + PROMPT_SNOOZE_DAYS * DAY_MS)).toBe(false);
    expect(isPromptSilenced(undefined, NOW)).toBe(false);
  });

  it('knows every prompt id of the issue, the audit nudges included', () => {
    for (const id of ['password', 'enable-2fa', 'add-second-method', 'generate-recovery-codes', 'totp-check', 'save-recovery-codes', 'security-events', 'lost-2fa-help', 'lookalike-host']) {
      expect(isPromptId(id)).toBe(true);
    }
    expect(isPromptId('something-else')).toBe(false);
    expect(new Set(PROMPT_IDS).size).toBe(PROMPT_IDS.length);
  });
});

describe('prompt stylesheet', () => {
  it('sizes in px, not rem (rem follows PyPI’s root font size)', () => {
    expect(PROMPT_CSS).not.toMatch(/\d(\.\d+)?rem\b/);
  });

  it('makes the host a plain block in PyPI’s flow, with !important declarations PyPI’s CSS cannot beat', () => {
    const host = /:host\s*{([^}]*)}/.exec(PROMPT_CSS)?.[1] ?? '';
    for (const declaration of ['all: initial !important', 'position: relative !important', 'display: block !important']) expect(host).toContain(declaration);
    // In the flow a card pushes PyPI's content down; fixed or absolute, it would cover it.
    expect(host).not.toMatch(/position:\s*(fixed|absolute)/);
  });
});
