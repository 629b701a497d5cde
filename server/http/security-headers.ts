import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every response. Document text is data: the client renders it as
 * text nodes, and this policy is the second line of defence if that ever slips. Only the server's own
 * scripts, styles and fonts load; no inline script or style, no plugin, no framing, no `<base>`; and
 * with Trusted Types required, a string assigned to `innerHTML` or a script URL throws in the browser
 * instead of running. `data:` images are allowed for the inline favicon.
 *
 * Not `upgrade-insecure-requests` (helmet's default): Passim is served over plain HTTP when shared on a
 * team's network (`HOST=0.0.0.0`), and that directive would make browsers fetch its scripts over HTTPS,
 * which the server does not speak, leaving a blank page.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  requireTrustedTypesFor: ["'script'"],
};

/** How long a browser that reached Passim over HTTPS keeps to HTTPS: a year. Not the subdomains: Passim does not own its parent domain. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** Security headers on every response, set by helmet (maintained, and kept in one place here). */
export function setSecurityHeaders(): RequestHandler {
  const helmetHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Same intent as `frame-ancestors 'none'`, for browsers that only read the older header.
    xFrameOptions: { action: 'deny' },
    // Only over HTTPS, below: a browser ignores it over plain HTTP, and it would be a false promise there.
    strictTransportSecurity: false,
  });
  return (request, response, next) => {
    // `secure`: the connection is TLS, or a trusted proxy says the client used HTTPS (X-Forwarded-Proto).
    if (request.secure) response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    helmetHeaders(request, response, next);
  };
}
