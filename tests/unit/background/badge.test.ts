import { describe, expect, it } from 'vitest';
import { badgeOf } from '@/utils/background/badge';

describe('badgeOf', () => {
  it('shows nothing when nothing needs the user', () => expect(badgeOf({ problems: 0, outstandingReminders: 0 })).toMatchObject({ text: '', title: 'PyPI Guard' }));
  it('shows the problems in red, naming reminders in the tooltip', () => {
    expect(badgeOf({ problems: 2, outstandingReminders: 1 })).toEqual({ text: '2', colour: '#c62828', title: 'PyPI Guard — 2 problems, 1 reminder' });
  });
  it('shows due reminders in amber when no check fails', () => {
    expect(badgeOf({ problems: 0, outstandingReminders: 3 })).toEqual({ text: '3', colour: '#b45309', title: 'PyPI Guard — 3 reminders' });
  });
});
