// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Right-to-left pages mirror only if the styles say "start" and "end" instead of "left" and
 * "right": every stylesheet of the extension (its .css files and the prompts' CSS strings) uses
 * logical properties. A box centred with `left: 50%; transform: translateX(-50%)` is symmetric.
 */

const ROOT = path.resolve(__dirname, '../../..');
const files = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name)) : /\.css$|-css\.ts$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
  );
// A physical property (margin-left:, left:), or a physical value (text-align: left, float: right).
const PHYSICAL = /(?:^|[\s;{])(?:(?:margin|padding|border)-(?:left|right)(?:-\w+)?|left|right)\s*:|(?:text-align|float):\s*(?:left|right)\b/;
const CENTRED = /left: 50%;[^}]*translateX\(-50%\)/;

describe('stylesheets', () => {
  it('use logical properties, so Hebrew mirrors them', () => {
    const physical = ['components', 'entrypoints'].flatMap(files).flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('*') && !CENTRED.test(line) && PHYSICAL.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(physical).toEqual([]);
  });
});
