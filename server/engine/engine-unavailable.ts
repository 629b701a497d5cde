/**
 * The engine cannot answer now (a cluster unreachable, a timeout, a red index). The error middleware
 * answers 503 `engine_unavailable` with this message and no more; the engine recovers by itself.
 */
export class EngineUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineUnavailableError';
  }
}
