import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/preact';
import { PromptDock } from '@/components/prompts/PromptDock';
import { PromptCard } from '@/components/prompts/PromptCard';
import { placeHost } from '@/components/prompts/arrange';
import { definePrompt } from '@/utils/prompts/types';
import { promptEnv } from './prompt-env';
import type { PromptId } from '@/utils/prompts/ids';
import { userClick } from '../user-click';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

const env = promptEnv('account-settings');

/** A prompt that always has something to say, about `field` if given. */
const card = (id: PromptId, field?: Element) =>
  definePrompt({ id, pages: ['account-settings'], dismissal: 'page', ...(field && { field: () => field }), Component: () => <PromptCard title={id}>Body of {id}</PromptCard> });

/** The ids of the cards the page shows now (the others are in the DOM, hidden). */
const shown = () => [...document.querySelectorAll<HTMLElement>('[data-prompt]')].filter((element) => !element.hidden).map((element) => element.dataset.prompt);
const more = () => document.querySelector<HTMLButtonElement>('[data-action="more"]');

function formGroup(id: string): { block: HTMLElement; input: HTMLInputElement } {
  const block = document.createElement('div');
  block.className = 'form-group';
  const input = document.createElement('input');
  input.id = id;
  block.append(input);
  document.body.append(block);
  return { block, input };
}

describe('one group of cards at a time', () => {
  it('the cards of one field lead together; account nudges wait behind “+N more”, in their order, and the line walks them all', () => {
    const { input } = formGroup('new_password');
    const place = vi.fn();
    render(
      <PromptDock
        env={env}
        prompts={[card('security-events'), card('enable-2fa'), card('password', input), card('lost-2fa-help', input)]}
        remember={() => {}}
        place={place}
      />,
    );
    // Every prompt keeps its [data-prompt] hook; only the lead group is visible.
    expect(document.querySelectorAll('[data-prompt]')).toHaveLength(4);
    expect(shown()).toEqual(['password', 'lost-2fa-help']);
    expect(place).toHaveBeenLastCalledWith(input);
    expect(more()?.textContent).toBe('+2 more from PyPI Guard');

    userClick(more()!);
    expect(shown()).toEqual(['security-events']);
    expect(place).toHaveBeenLastCalledWith(null);
    userClick(more()!);
    expect(shown()).toEqual(['enable-2fa']);
    userClick(more()!);
    expect(shown()).toEqual(['password', 'lost-2fa-help']);
  });

  it('a click a page script dispatches does not move the lead', () => {
    render(<PromptDock env={env} prompts={[card('security-events'), card('enable-2fa')]} remember={() => {}} />);
    expect(shown()).toEqual(['security-events']);
    more()!.click();
    expect(shown()).toEqual(['security-events']);
  });

  it('the field the user turns to leads, and closing the lead shows the next', () => {
    const strength = formGroup('new_password').input;
    const code = formGroup('totp_value').input;
    render(<PromptDock env={env} prompts={[card('enable-2fa'), card('password', strength), card('totp-check', code)]} remember={() => {}} />);
    expect(shown()).toEqual(['password']);
    act(() => code.focus());
    expect(shown()).toEqual(['totp-check']);
    act(() => strength.focus());
    expect(shown()).toEqual(['password']);
    userClick(document.querySelector('[data-prompt="password"] [data-action="close"]')!);
    expect(shown()).toEqual(['totp-check']);
    expect(more()?.textContent).toBe('+1 more from PyPI Guard');
  });
});

describe('placeHost', () => {
  it('puts the host in PyPI’s flow: under the field’s form group, or under the page’s title', () => {
    const main = document.createElement('main');
    const title = document.createElement('h1');
    const section = document.createElement('section');
    main.append(title, section);
    document.body.append(main);
    const { block, input } = formGroup('new_password');
    section.append(block);
    const host = document.createElement('pypi-guard-ui');
    document.documentElement.append(host);

    placeHost(host, document, input);
    expect(block.nextElementSibling).toBe(host);
    placeHost(host, document, null);
    expect(title.nextElementSibling).toBe(host);
    expect(document.querySelectorAll('pypi-guard-ui')).toHaveLength(1);
  });
});
