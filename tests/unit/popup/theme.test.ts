import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shared theme's colour pairs, read from components/theme.css itself: WCAG contrast of text
 * (≥ 4.5:1) and of the focus ring against every background it is drawn on (≥ 3:1, non-text
 * contrast), in the light theme and in the dark one.
 */
const css = readFileSync(path.resolve(process.cwd(), 'components/theme.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((match) => [match[1]!, match[2]!.toLowerCase()]));
}

const darkBlock = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
const light = variables(css.slice(0, css.indexOf('@media')));
const dark = { ...light, ...variables(darkBlock.slice(0, darkBlock.indexOf('}\n}') + 1)) };

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('%s theme', (name, theme) => {
  it('reads its own block of theme.css', () => expect(theme.bg).toBe(name === 'light' ? '#ffffff' : '#0d1117'));
  it('defines a focus colour', () => expect(theme.focus).toMatch(/^#[0-9a-f]{6}$/));
  it.each(['bg', 'card'])('the focus ring has ≥ 3:1 against --%s', (background) => {
    expect(contrast(theme.focus!, theme[background]!)).toBeGreaterThanOrEqual(3);
  });
  it.each([
    ['text', 'bg'],
    ['text', 'card'],
    ['muted', 'bg'],
    ['muted', 'card'],
    ['accent', 'bg'],
    ['accent', 'card'],
    ['accent-text', 'accent'],
  ])('--%s on --%s has ≥ 4.5:1', (foreground, background) => {
    expect(contrast(theme[foreground]!, theme[background]!)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('contrast', () => {
  it('matches WCAG’s figures', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffb000', '#ffffff')).toBeLessThan(3); // the old light focus ring: 1.8:1
  });
});
