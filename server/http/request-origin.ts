import type { Request } from 'express';

/**
 * The origin the client used to reach the server, for absolute links in citations. Behind a trusted
 * proxy (`PASSIM_TRUST_PROXY`) that is the one the proxy was reached at, from `X-Forwarded-Proto`/`-Host`.
 */
export function requestOrigin(request: Request): string {
  return `${request.protocol}://${request.host ?? 'localhost'}`;
}
