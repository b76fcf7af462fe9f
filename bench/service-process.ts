import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Starting the built service as a child process on a free port and waiting until it answers:
 * shared by the web app's browser tests (web/e2e/global-setup.ts) and `npm run bench:web`.
 */
export const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

export async function waitForHealth(url: string, child: ChildProcess, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode} before it was healthy`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the service was not healthy within ${seconds} s`);
}
