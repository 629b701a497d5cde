import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorResponse } from '../api/types.ts';

/** Largest request head (address and headers) Node reads: its default `maxHeaderSize`. */
const MAX_HEAD_KB = 16;

const statusText: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Answers the requests Node refuses before Express sees them (an address or headers over 16 KB, a
 * malformed request line, a client too slow to send its headers) with the API's JSON error and a
 * message, instead of Node's bare status line, then closes the connection.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, `The request address and headers are over ${MAX_HEAD_KB} KB. Send a shorter query.`]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'The request took too long to arrive.']
          : [400, 'The request is not valid HTTP.'];
    const body: ErrorResponse = { error: { code: 'invalid_parameter', message } };
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${statusText[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
