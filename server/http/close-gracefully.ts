import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long open answers may take to finish once the server is told to stop. Default 10 s. */
export const DEFAULT_DRAIN_MS = 10_000;

const CHECK_MS = 25;

/**
 * Prepares `server` (before it takes connections) to stop without cutting an answer short, and
 * returns the function that stops it: no new connections, every request in progress answered and its
 * answer delivered, idle keep-alive connections closed, then resolve. A client that has not taken its
 * answer after `drainMs` is disconnected, so one stuck reader cannot keep the process alive.
 *
 * Not `http.Server.close()`: since Node 19 it destroys every connection it deems idle, and a
 * connection whose last answer has been written by the app but not yet sent counts as idle, so the
 * end of a large answer (a document of a few megabytes) was lost on SIGTERM.
 */
export function prepareGracefulClose(server: Server, drainMs = DEFAULT_DRAIN_MS): () => Promise<void> {
  const sockets = new Set<Socket>();
  const busy = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    response.once('close', () => busy.set(socket, (busy.get(socket) ?? 1) - 1));
  });

  return () =>
    new Promise<void>((resolve, reject) => {
      const endIdle = () => {
        // end(), not destroy(): what is still buffered for the client is sent before the connection closes.
        for (const socket of sockets) if (!busy.get(socket) && !socket.writableEnded) socket.end();
      };
      const ticker = setInterval(endIdle, CHECK_MS);
      const deadline = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, drainMs);
      deadline.unref();
      NetServer.prototype.close.call(server, (error?: Error) => {
        clearInterval(ticker);
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve();
      });
      endIdle();
    });
}
