import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

/**
 * Runs one autocannon load in its own process (so the load generator does not share the event
 * loop of the server it measures) and prints its summary as one JSON line. Paths are cycled, so
 * each request reads another record.
 */

export interface LoadSpec {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadSpec;
  let next = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    headers: spec.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: { path: string }) => {
          req.path = spec.paths[next++ % spec.paths.length];
          return req;
        },
      },
    ],
  });
  const summary: LoadResult = {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
