import autocannon from 'autocannon';

export interface LoadFigures {
  /** Server processes answering (`--workers`). */
  workers: number;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

/** Drives the server with autocannon on loopback, cycling through the given paths. */
export async function runHttpLoad(url: string, paths: string[], connections: number, seconds: number, workers = 1): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const path = paths[next % paths.length]!;
          next += 1;
          return { ...request, path };
        },
      },
    ],
  });
  return {
    workers,
    connections,
    seconds,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
