import type { BrowserContext } from '@playwright/test';
import { createFakePypi, type FakePypi } from '../../tests/fixtures/pypi/server';
import { extensionIdOf, extensionServiceWorker, launchWithExtension } from '../../tests/e2e/support/launch';
import { routeFakePypi } from '../../tests/e2e/support/route-pypi';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  pypi: FakePypi;
  close(): Promise<void>;
}

/** Chromium with the built extension, pypi.org answered by the fake PyPI. */
export async function openBenchBrowser(): Promise<BenchBrowser> {
  const pypi = createFakePypi({ host: 'pypi.org', scenario: 'totp-and-key' });
  const context = await launchWithExtension();
  await routeFakePypi(context, { 'pypi.org': pypi, 'test.pypi.org': createFakePypi({ host: 'test.pypi.org' }) });
  const extensionId = extensionIdOf(await extensionServiceWorker(context));
  return { context, extensionId, pypi, close: () => context.close() };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
