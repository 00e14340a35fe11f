import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built extension; PYPI_GUARD_EXTENSION_DIR points elsewhere (the bench measuring an older build side by side). */
export const chromeExtensionDir = process.env.PYPI_GUARD_EXTENSION_DIR ?? path.join(repoRoot, '.output/chrome-mv3');
export const firefoxExtensionDir = path.join(repoRoot, '.output/firefox-mv3');
