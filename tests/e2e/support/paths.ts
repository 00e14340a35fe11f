import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built extension; PYPI_GUARD_EXTENSION_DIR points elsewhere (the bench measuring an older build side by side). */
export const chromeExtensionDir = process.env.PYPI_GUARD_EXTENSION_DIR ?? path.join(repoRoot, '.output/chrome-mv3');

/** Debian's Chromium (a wrapper script) unless CHROMIUM_PATH says otherwise. */
export function chromiumExecutable(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian: apt-get install -y chromium; elsewhere: npx playwright install chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}
