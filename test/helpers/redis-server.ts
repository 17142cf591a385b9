import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';

/**
 * A real redis-server (Debian's; .ci/run installs it) on a free port, that a test can stop and start again on the
 * same port, as an operator's Redis would go away and come back.
 */
export class RedisServer {
  readonly port = 16_379 + Math.floor(Math.random() * 2_000);
  #process?: ChildProcess;

  async start(): Promise<void> {
    this.#process = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const probe = new Redis({
      port: this.port,
      retryStrategy: (n) => (n > 50 ? null : 100),
      maxRetriesPerRequest: null,
    });
    probe.on('error', () => undefined); // refused until the server is up
    try {
      if ((await probe.ping()) !== 'PONG')
        throw new Error('redis-server did not answer (apt-get install redis-server)');
    } finally {
      probe.disconnect();
    }
  }

  async stop(): Promise<void> {
    const child = this.#process;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }
}
