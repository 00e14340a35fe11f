import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { hibpRangeBody } from '../../fixtures/hibp/range';
import type { FakeRequest, FakeResponse } from '../../fixtures/pypi/server';
import type { HibpRequest } from '../support/prompts';
import { answerFakePypi, type FakePypiByHost } from '../support/route-pypi';

/**
 * The network of a Firefox under test: pypi.org and test.pypi.org answered by the fake PyPI,
 * api.pwnedpasswords.com by the local range fixture, anything else refused — for tabs and for the
 * extension alike. Two ways in, one answer (`answerOffline`):
 * - tabs (PyPI pages, the extension's pages): WebDriver BiDi request interception;
 * - requests the extension makes itself (the event page's fetch to Have I Been Pwned and to PyPI's
 *   JSON API): BiDi does not see them, so Firefox's proxy setting sends them to `startOfflineProxy`,
 *   a local HTTPS proxy that answers them with a test certificate (the session accepts it, as
 *   `acceptInsecureCerts` makes it accept any).
 */

export type OfflineAnswer = FakeResponse | 'continue' | 'abort';

const HIBP_ORIGIN = 'https://api.pwnedpasswords.com';
/** What Have I Been Pwned's range API answers a browser's CORS preflight (it serves browsers). */
const HIBP_CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'add-padding', 'access-control-allow-methods': 'GET' };

export function answerOffline(pypi: FakePypiByHost, hibpRequests: HibpRequest[], request: FakeRequest, isNavigation: boolean): OfflineAnswer {
  const url = new URL(request.url);
  if (['moz-extension:', 'data:', 'blob:', 'about:'].includes(url.protocol)) return 'continue';
  if (url.protocol === 'https:' && (url.host === 'pypi.org' || url.host === 'test.pypi.org')) return answerFakePypi(pypi[url.host], request, isNavigation);
  if (url.origin === HIBP_ORIGIN) {
    if (request.method === 'OPTIONS') return { status: 204, headers: HIBP_CORS, body: '' };
    hibpRequests.push({ url: request.url, method: request.method, headers: request.headers, body: request.body ?? null });
    const prefix = url.pathname.split('/').pop() ?? '';
    return { status: 200, headers: { 'content-type': 'text/plain', ...HIBP_CORS }, body: hibpRangeBody(prefix) };
  }
  return 'abort';
}

const TLS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/tls');

/**
 * An HTTPS proxy on 127.0.0.1 for Firefox's `network.proxy.ssl`: each CONNECT is accepted and
 * its TLS ended here with a self-signed test certificate (tests/fixtures/tls, trusted by nobody),
 * then answered by `answer`. Nothing is forwarded anywhere.
 */
export async function startOfflineProxy(answer: (request: FakeRequest) => OfflineAnswer): Promise<{ port: number; close(): Promise<void> }> {
  const credentials = { key: readFileSync(path.join(TLS_DIR, 'key.pem')), cert: readFileSync(path.join(TLS_DIR, 'cert.pem')) };
  const sockets = new Set<Socket>();
  const decrypted = http.createServer((incoming, response) => void respond(incoming, response, answer));
  const proxy = http.createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (_request: IncomingMessage, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    // The decrypted request's Host header names the host the CONNECT asked for.
    decrypted.emit('connection', new tls.TLSSocket(socket, { isServer: true, ...credentials }));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}

async function respond(incoming: IncomingMessage, response: ServerResponse, answer: (request: FakeRequest) => OfflineAnswer): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(Object.entries(incoming.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
  const result = answer({ method: incoming.method ?? 'GET', url: `https://${incoming.headers.host}${incoming.url}`, headers, body: chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined });
  if (typeof result === 'string') {
    response.socket?.destroy();
    return;
  }
  response.writeHead(result.status, result.headers).end(result.body);
}
