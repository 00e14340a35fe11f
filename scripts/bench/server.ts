import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FakePypi, FakeResponse } from '../../tests/fixtures/pypi/server';

export interface BenchPypiServer {
  port: number;
  /** Chromium flags that send pypi.org and test.pypi.org here and nowhere else. */
  chromiumArgs: string[];
  /** Forget cached pages (after the fake's scenario or sign-in state changed). */
  clearCache(): void;
  close(): Promise<void>;
}

/**
 * The fake PyPI over real HTTPS on 127.0.0.1, for page-load figures: Chromium resolves pypi.org
 * and test.pypi.org to this server (`--host-resolver-rules`) and accepts its throw-away
 * certificate. Unlike `context.route`, a response does not travel through the DevTools protocol
 * (base64, one round trip per request), which would add the same large delay to both browsers
 * and hide the extension's share of a page load. Pages are rendered once and served from memory
 * (a 10,000-row history takes the fake a while to render); the client-side includes are not
 * cached, as they change with the session.
 */
export async function startBenchPypiServer(fakes: Record<'pypi.org' | 'test.pypi.org', FakePypi>): Promise<BenchPypiServer> {
  const certDir = mkdtempSync(path.join(tmpdir(), 'pypi-guard-bench-cert-'));
  const key = path.join(certDir, 'key.pem');
  const cert = path.join(certDir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=pypi.org'], { stdio: 'ignore' });
  const cache = new Map<string, FakeResponse>();
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const host = req.headers.host?.split(':')[0] === 'test.pypi.org' ? 'test.pypi.org' : 'pypi.org';
      const url = `https://${host}${req.url ?? '/'}`;
      const method = req.method ?? 'GET';
      const cacheable = method === 'GET' && !new URL(url).pathname.startsWith('/_includes/');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
      let response = cacheable ? cache.get(url) : undefined;
      if (!response) {
        response = fakes[host].handle({ method, url, headers, body: Buffer.concat(chunks).toString('utf8') });
        if (cacheable && response.status === 200) cache.set(url, response);
      }
      const { 'set-cookie': setCookie, ...rest } = response.headers;
      res.writeHead(response.status, { ...rest, ...(setCookie && { 'set-cookie': setCookie.split('\n') }) }).end(response.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    chromiumArgs: [
      // Everything else fails to resolve: the bench never reaches the network.
      `--host-resolver-rules=MAP pypi.org 127.0.0.1:${port}, MAP test.pypi.org 127.0.0.1:${port}, MAP * ~NOTFOUND`,
      '--ignore-certificate-errors',
    ],
    clearCache: () => cache.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        rmSync(certDir, { recursive: true, force: true });
      }),
  };
}
