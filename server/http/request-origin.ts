import type { Request } from 'express';

/** The origin the client used to reach the server, for absolute links in citations. */
export function requestOrigin(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
