import { hostname as machineName, networkInterfaces } from 'node:os';
import type { RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

/** Names a loopback server answers to: what a browser on the same machine sends. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** Listening addresses that mean "every interface": the names the server is reached by are then the machine's. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

const normalizeHost = (host: string) => host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/** A host name (`passim.example.org`), an IPv4 address or an IPv6 address, without port or scheme. */
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|[0-9a-f:.]+)$/;

/**
 * The Host names the server answers to. `PASSIM_ALLOWED_HOSTS` (comma-separated names, no ports)
 * replaces the default; the default is the loopback names, the address the server listens on, and,
 * listening on every interface (`HOST=0.0.0.0`), the machine's name and addresses. The host of the
 * public URL (`PASSIM_PUBLIC_URL` or `--public-url`, checked by public-url.ts), when set, is allowed
 * too. A server on loopback that answered any Host could be read by any web page its user visits,
 * through a name that resolves to 127.0.0.1 (DNS rebinding).
 */
export function readAllowedHosts(listenHost: string, env: NodeJS.ProcessEnv = process.env, publicUrl?: string): string[] {
  const listed = env.PASSIM_ALLOWED_HOSTS?.trim();
  const hosts = listed ? listed.split(',').map(normalizeHost) : defaultHosts(normalizeHost(listenHost));
  const bad = hosts.find((host) => !HOST_PATTERN.test(host));
  if (bad !== undefined) throw new RangeError(`PASSIM_ALLOWED_HOSTS must be a comma-separated list of host names or addresses without ports (such as passim.example.org,localhost); "${bad}" is not one`);
  if (publicUrl !== undefined) hosts.push(normalizeHost(new URL(publicUrl).hostname));
  return [...new Set(hosts)];
}

function defaultHosts(listenHost: string): string[] {
  if (!WILDCARD_HOSTS.has(listenHost)) return [...LOOPBACK_NAMES, listenHost];
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => normalizeHost(entry.address)));
  return [...LOOPBACK_NAMES, normalizeHost(machineName()), ...addresses];
}

/**
 * Refuses a request whose Host (or, behind a trusted proxy, `X-Forwarded-Host`) is not allowed: 421
 * Misdirected Request, or 400 when it names none. Runs before anything else, static files included.
 */
export function refuseUnknownHosts(allowedHosts: readonly string[]): RequestHandler {
  const allowed = new Set(allowedHosts.map(normalizeHost));
  return (request, _response, next) => {
    const host = request.hostname;
    if (!host) {
      next(new HttpError(400, 'unknown_host', 'The request has no Host header: say which server it is for.'));
      return;
    }
    if (!allowed.has(normalizeHost(host))) {
      next(new HttpError(421, 'unknown_host', `This Passim server does not answer for the host "${host}". Its operator can allow it with PASSIM_ALLOWED_HOSTS.`));
      return;
    }
    next();
  };
}
