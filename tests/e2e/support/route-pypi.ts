import type { BrowserContext, Request } from '@playwright/test';
import type { FakePypi, FakeRequest, FakeResponse } from '../../fixtures/pypi/server';

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
      const request = route.request();
      const response = answerFakePypi(fakes[host], await toFakeRequest(request), request.isNavigationRequest());
      await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
    });
  }
}

const isRedirect = (response: FakeResponse) => response.status >= 300 && response.status < 400 && Boolean(response.headers.location);

/**
 * Chromium follows a redirect that a route fulfilled, but the follow-up request escapes routing
 * (it goes to the network). So a redirected navigation is answered with a page that navigates to
 * the target at once — the address bar ends on the right URL, as on PyPI, and cookies set by the
 * redirect still apply — and a redirected fetch is followed here. Firefox's interception
 * (cross-browser/firefox-network.ts) answers the same way, so both browsers see one PyPI.
 */
export function answerFakePypi(fake: FakePypi, request: FakeRequest, isNavigation: boolean): FakeResponse {
  let response = fake.handle(request);
  if (isRedirect(response) && isNavigation) {
    const target = new URL(response.headers.location!, request.url).href;
    const { location: _location, ...headers } = response.headers;
    return {
      status: 200,
      headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
      body: `<!DOCTYPE html><meta http-equiv="refresh" content="0; url=${target.replace(/"/g, '%22')}"><title>Redirecting</title>`,
    };
  }
  for (let hops = 0; isRedirect(response) && hops < 5; hops++) {
    const target = new URL(response.headers.location!, request.url).href;
    response = fake.handle({ method: 'GET', url: target, headers: request.headers });
  }
  return response;
}

async function toFakeRequest(request: Request): Promise<FakeRequest> {
  return {
    method: request.method(),
    url: request.url(),
    headers: await request.allHeaders(),
    body: request.postData() ?? undefined,
  };
}
