import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../helpers/free-port.js';

// An nginx block of the docs in a real nginx (Debian's nginx-light) in front of running proxies: the block goes
// into an http {} of its own, its upstream addresses become the proxies' and a listen on a free port is added to
// its server (or a server is put around a lone location). What the block is for is then asked through nginx.


/** Starts nginx with the block in front of `proxies` (host:port, base path /booking-api); returns its origin. */
export async function startNginx(
  block: string,
  dir: string,
  proxies: string[],
): Promise<{ origin: string; stop: () => Promise<void> }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const listen = `listen 127.0.0.1:${port};`;
  let http = block.includes('upstream ')
    ? block.replace(/upstream booking_proxy \{[^}]*\}/, `upstream booking_proxy { ${proxies.map((p) => `server ${p};`).join(' ')} }`)
    : `upstream booking_proxy { ${proxies.map((p) => `server ${p};`).join(' ')} }\nserver {\n${block}}`;
  http = http.replace(/server \{/, `server {\n  ${listen}`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir}/${name};`);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;\npid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n  ${temp.join('\n  ')}\n${http}\n}\n`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    assert.ok(child.exitCode === null && tries < 100, `nginx did not start: ${output}`);
    try {
      await fetch(origin);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    origin,
    stop: async () => {
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
