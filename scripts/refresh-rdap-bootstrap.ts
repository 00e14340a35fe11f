/**
 * Replaces utils/email-domain/iana-rdap-dns.json with IANA's current RDAP bootstrap file for
 * domain names (RFC 9224). Run it by hand (`npm run rdap:refresh`) and commit the result with its
 * publication date in the message; the build never fetches it. The file is written byte for byte
 * as IANA serves it, after checking its shape, so a diff shows exactly what IANA changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = 'https://data.iana.org/rdap/dns.json';
const TARGET = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../utils/email-domain/iana-rdap-dns.json');

function check(text: string): { publication: string; tlds: number } {
  const file = JSON.parse(text) as { version?: unknown; publication?: unknown; services?: unknown };
  if (file.version !== '1.0') throw new Error(`Unexpected version ${String(file.version)}`);
  if (typeof file.publication !== 'string' || Number.isNaN(Date.parse(file.publication))) throw new Error('No publication date');
  if (!Array.isArray(file.services) || file.services.length === 0) throw new Error('No services');
  let tlds = 0;
  for (const service of file.services as unknown[]) {
    const isPair = Array.isArray(service) && service.length === 2 && service.every((list) => Array.isArray(list) && list.length > 0 && list.every((item) => typeof item === 'string'));
    if (!isPair) throw new Error(`Malformed service ${JSON.stringify(service).slice(0, 200)}`);
    tlds += (service as string[][])[0]!.length;
  }
  return { publication: file.publication, tlds };
}

const response = await fetch(SOURCE, { headers: { Accept: 'application/json' } });
if (!response.ok) throw new Error(`${SOURCE} answered HTTP ${response.status}`);
const text = await response.text();
const fresh = check(text);
const current = check(readFileSync(TARGET, 'utf8'));
if (Date.parse(fresh.publication) < Date.parse(current.publication)) throw new Error(`IANA served an older file (${fresh.publication}) than the project's (${current.publication})`);
writeFileSync(TARGET, text);
console.log(`${path.relative(process.cwd(), TARGET)}: publication ${current.publication} → ${fresh.publication}, ${fresh.tlds} TLDs with RDAP.`);
