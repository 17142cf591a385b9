import { createServer } from 'node:net';

/** A port on 127.0.0.1 that nothing listens on now (for a program that takes a port and cannot be told 0). */
export function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }),
  );
}
