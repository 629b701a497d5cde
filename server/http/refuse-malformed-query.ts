import type { RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

/** The parameter name of one `name=value` part of a query string, as far as it can be read. */
const nameOf = (part: string) => part.split('=', 1)[0]!.slice(0, 40).replace(/%[0-9a-f]{2}/gi, (escape) => String.fromCharCode(Number.parseInt(escape.slice(1), 16)));

/**
 * Refuses a query string that does not decode: a `%` not followed by two hexadecimal digits
 * (`q=%ZZ`), or escapes whose bytes are not UTF-8 (`q=%FF`). Express's parser would keep such a part
 * as written, and the search would run for `zz` or `ff` instead of what the user meant.
 */
export const refuseMalformedQuery: RequestHandler = (request, _response, next) => {
  const url = request.originalUrl;
  const start = url.indexOf('?');
  if (start === -1) {
    next();
    return;
  }
  for (const part of url.slice(start + 1).split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      next(
        new HttpError(
          400,
          'invalid_parameter',
          `The parameter "${nameOf(part)}" is not correctly %-encoded: a % must be followed by two hexadecimal digits, and the escaped bytes must be UTF-8 (a % itself is written %25).`,
        ),
      );
      return;
    }
  }
  next();
};
