import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const chromeExtensionDir = path.join(repoRoot, '.output/chrome-mv3');
export const firefoxExtensionDir = path.join(repoRoot, '.output/firefox-mv3');
