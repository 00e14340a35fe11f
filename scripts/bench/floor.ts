import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromeExtensionDir } from '../../tests/e2e/support/paths';

interface ContentScriptEntry {
  matches: string[];
  run_at?: string;
  js?: string[];
}

/**
 * The floor under every page-load ratio: an extension that declares content scripts on exactly
 * the pages and at the moments the built one does, each doing nothing, and no background. What a
 * page loses to it is what any extension there costs in this Chromium (the isolated world, the
 * injection); what PyPI Guard adds above it is its own. Made from the build's manifest, in a
 * temporary folder the caller removes; nothing of it ships.
 */
export function makeFloorExtension(): { dir: string; remove(): void } {
  const built = JSON.parse(readFileSync(path.join(chromeExtensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: ContentScriptEntry[] };
  const dir = mkdtempSync(path.join(tmpdir(), 'pypi-guard-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'PyPI Guard bench floor',
    version: '0.0.0',
    content_scripts: (built.content_scripts ?? []).map((entry) => ({ matches: entry.matches, run_at: entry.run_at, js: ['noop.js'] })),
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'noop.js'), 'void 0;\n');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
