import { hostname } from 'node:os';
import type { Request } from 'express';

/** The address links start with, for a request (which only tells which socket it came through, never its Host). */
export type LinkBase = (request: Request) => string;

/**
 * The address every link Passim gives out starts with (citation links, permalinks): `PASSIM_PUBLIC_URL`
 * or `--public-url` when set (the address users reach the server at, behind a proxy or a name),
 * otherwise the configured host and port. Never a request's Host header: whoever sends a request
 * would choose where citations point.
 */
export function readPublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`--public-url (or PASSIM_PUBLIC_URL) must be an absolute http(s) address such as https://passim.example.org, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--public-url (or PASSIM_PUBLIC_URL) must start with http:// or https://, got "${raw}"`);
  if (url.search !== '' || url.hash !== '') throw new Error(`--public-url (or PASSIM_PUBLIC_URL) must not hold a query or fragment, got "${raw}"`);
  return url.href.replace(/\/+$/, '');
}

/** The links' address without a public URL: the host and port the server listens on (the machine's name when listening on every address). */
export function listeningUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? hostname() : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** The address and port a request's socket reached, as a link base (`http://127.0.0.1:3000`). */
export function socketUrl(address: string, port: number): string {
  const host = address.replace(/^::ffff:/, '');
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
