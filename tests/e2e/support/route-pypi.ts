import type { BrowserContext, Request } from '@playwright/test';
import type { FakePypi } from '../../fixtures/pypi/server';

export type FakePypiByHost = Record<'pypi.org' | 'test.pypi.org', FakePypi>;

/**
 * Answers https://pypi.org/** and https://test.pypi.org/** from the fake PyPI, before the network.
 * Content scripts run on routed pages as on real ones. Any other https request is aborted, so a
 * test can never reach the real internet by accident; tests that need another host route it
 * themselves (a later `context.route` takes precedence).
 */
export async function routeFakePypi(context: BrowserContext, fakes: FakePypiByHost): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  for (const host of Object.keys(fakes) as (keyof FakePypiByHost)[]) {
    await context.route(`https://${host}/**`, async (route) => {
      const response = fakes[host].handle(await toFakeRequest(route.request()));
      await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
    });
  }
}

async function toFakeRequest(request: Request) {
  return {
    method: request.method(),
    url: request.url(),
    headers: await request.allHeaders(),
    body: request.postData() ?? undefined,
  };
}
