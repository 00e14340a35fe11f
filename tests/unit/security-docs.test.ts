import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * SECURITY.md's threat model names the tests that prove each defence: every one must exist, so
 * the document cannot drift from the code. A name is written “title”, `…` standing for a
 * parameter of an each-test's title: each piece must be in the file.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const security = readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');
const threatRows = security.split('\n').filter((line) => line.startsWith('| **'));

function testsNamedIn(cell: string): { file: string; name: string }[] {
  return [...cell.matchAll(/`(tests\/[^`]+?)`\s+—\s+([^`]*)/g)].flatMap(([, file, names]) => [...names!.matchAll(/“([^”]+)”/g)].map(([, name]) => ({ file: file!, name: name! })));
}

describe('SECURITY.md', () => {
  it('covers the six threats of the model, each with at least one test', () => {
    const threats = threatRows.map((row) => /^\| \*\*(.+?)\*\*/.exec(row)?.[1]);
    expect(threats).toEqual([
      'A hostile look-alike site',
      'A compromised pypi.org page',
      'Another extension',
      'A stolen, unlocked laptop',
      'A compromised or lying Have I Been Pwned',
      'A doctored import file',
    ]);
    for (const row of threatRows) expect(testsNamedIn(row).length, row.slice(0, 60)).toBeGreaterThan(0);
  });

  it('names only tests that exist', () => {
    const named = threatRows.flatMap(testsNamedIn);
    expect(named.length).toBeGreaterThan(40);
    for (const { file, name } of named) {
      const full = path.join(ROOT, file);
      expect(existsSync(full), file).toBe(true);
      const source = readFileSync(full, 'utf8');
      const pieces = name.split('…').map((piece) => piece.trim()).filter((piece) => piece.length > 0);
      for (const piece of pieces) expect(source, `${file}: “${name}”`).toContain(piece);
    }
  });

  it('is linked from PRIVACY.md, which lists each service the extension pages may reach', () => {
    const privacy = readFileSync(path.join(ROOT, 'PRIVACY.md'), 'utf8');
    expect(privacy).toContain('[SECURITY.md](SECURITY.md)');
    for (const host of ['api.pwnedpasswords.com', 'pypi.org/pypi/<project>/json']) expect(privacy).toContain(host);
  });
});
