import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { userClick } from '../user-click';
import { PromptDock } from '@/components/prompts/PromptDock';
import { securityEventsPrompt } from '@/components/prompts/audit-nudges';
import type { PromptEnv } from '@/utils/prompts/types';
import { promptEnv } from './prompt-env';
import type { AccountAuditReply, EventToReview } from '@/utils/prompts/account-audit';
import type { ContentMessage } from '@/utils/messages';
import { formatDateTime } from '@/utils/text/format';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 10);

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

const emailAdded: EventToReview = {
  id: 'e1',
  tag: 'account:email:add',
  summary: 'Email added to account',
  details: 'Email: <b>eve@example.net</b>',
  time: NOW - 3_600_000,
  location: 'Lagos, LA, NG',
  device: 'Chrome (Windows)',
  isNew: true,
};
const failure: EventToReview = { id: 'e2', tag: 'account:login:failure', summary: 'Login failed', time: NOW - 7_200_000, reason: 'login-failure', isNew: false };

function show(events: EventToReview[], firstLook = false) {
  const sent: ContentMessage[] = [];
  const reply: AccountAuditReply = { state: 'ready', checks: [], events, firstLook };
  const env = promptEnv('account-settings', {
    now: NOW,
    send: (async (message: ContentMessage) => {
      sent.push(message);
      return message.type === 'account-audit' ? reply : { acknowledged: true };
    }) as PromptEnv['send'],
  });
  render(<PromptDock env={env} prompts={[securityEventsPrompt]} remember={() => {}} />);
  return sent;
}

const card = () => document.querySelector('[data-prompt="security-events"]');

describe('security-events prompt', () => {
  it('marks a new benign row with a visible "New" badge and PyPI’s text, and a suspicious one by its reason', async () => {
    show([emailAdded, failure]);
    await vi.waitFor(() => expect(card()).not.toBeNull());
    expect(screen.getByRole('region', { name: '1 new event in your security history' })).toBe(card());
    const [fresh, wrong] = [...card()!.querySelectorAll('[data-field="events"] li')];
    expect(fresh).toHaveProperty('dataset.new', 'true');
    expect(fresh).toHaveProperty('dataset.eventTag', 'account:email:add');
    expect(fresh!.querySelector('[data-field="new-badge"]')?.textContent).toBe('New');
    // Page data is text: the markup in PyPI's details is shown, never parsed.
    expect(fresh!.textContent).toContain('Email added to account (Email: <b>eve@example.net</b>)');
    expect(fresh!.querySelector('b')).toBeNull();
    // One date style and PyPI's geo and device texts made readable (utils/text/format.ts).
    const whenWhere = fresh!.querySelector('[data-field="when-where"]')!.textContent;
    expect(whenWhere).toBe(`${formatDateTime(emailAdded.time)} · Lagos, Nigeria · Chrome on Windows`);
    expect(whenWhere).not.toMatch(/\d\d:\d\d:\d\d/);
    expect(wrong).toHaveProperty('dataset.eventReason', 'login-failure');
    expect(wrong!.hasAttribute('data-new')).toBe(false);
    expect(wrong!.textContent).toContain('Failed login');
    expect(card()!.getAttribute('data-tone')).toBe('danger');
  });

  it('asks about new rows alone without alarm, and "It was me" acknowledges them', async () => {
    const sent = show([emailAdded]);
    await vi.waitFor(() => expect(card()).not.toBeNull());
    expect(card()!.getAttribute('data-tone')).toBe('warning');
    expect(card()!.textContent).toContain('Were they yours?');
    // A page script's click does not answer for the user.
    fireEvent.click(screen.getByRole('button', { name: 'It was me' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not me' }));
    expect(sent.filter((message) => message.type === 'acknowledge-events')).toEqual([]);
    expect(card()!.getAttribute('data-state')).toBe('open');
    userClick(screen.getByRole('button', { name: 'It was me' }));
    await vi.waitFor(() => expect(card()).toBeNull());
    expect(sent.at(-1)).toEqual({ type: 'acknowledge-events', username: 'alice', shownEventIds: ['e1'] });
  });

  it('for a row that looks wrong, “Not me” leads and “It was me” is the plain second button', async () => {
    show([failure]);
    await vi.waitFor(() => expect(card()).not.toBeNull());
    const buttons = [...card()!.querySelectorAll<HTMLButtonElement>('.pg-card__actions button')];
    expect(buttons.map((button) => button.dataset.action)).toEqual(['not-me', 'was-me']);
    expect(buttons[0]!.classList.contains('pg-button--primary')).toBe(true);
    expect(buttons[1]!.classList.contains('pg-button--primary')).toBe(false);
  });

  it('“It was me” comes only once every row is listed, and answers for the rows listed', async () => {
    const rows: EventToReview[] = Array.from({ length: 9 }, (_, index) => ({ ...failure, id: `f${index}`, time: failure.time - index * 60_000 }));
    const sent = show(rows);
    await vi.waitFor(() => expect(card()).not.toBeNull());
    expect(card()!.querySelectorAll('[data-field="events"] li')).toHaveLength(6);
    expect(card()!.querySelector('[data-action="was-me"]')).toBeNull();
    userClick(screen.getByRole('button', { name: 'Show all 9 events first' }));
    expect(card()!.querySelectorAll('[data-field="events"] li')).toHaveLength(9);
    userClick(screen.getByRole('button', { name: 'It was me' }));
    await vi.waitFor(() => expect(card()).toBeNull());
    expect(sent.at(-1)).toEqual({ type: 'acknowledge-events', username: 'alice', shownEventIds: rows.map((row) => row.id) });
  });

  it('on the first look says nothing can be called new yet', async () => {
    show([failure], true);
    await vi.waitFor(() => expect(card()).not.toBeNull());
    expect(screen.getByRole('region', { name: 'Check your security history' })).toBe(card());
    expect(card()!.querySelector('[data-field="first-look"]')?.textContent).toContain('First time PyPI Guard sees this history');
    expect(card()!.querySelector('[data-new]')).toBeNull();
  });

  it('stays away when there is nothing to review', async () => {
    const sent = show([]);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(card()).toBeNull();
  });
});
