import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A running proxy CLI: the URL it said it listens on, all it has printed so far, its exit, a way to stop it. */
export interface RunningCli {
  url: string;
  readonly output: string;
  /** Its exit code, once it has exited. */
  exited: Promise<number | null>;
  child: ChildProcessWithoutNullStreams;
}

/**
 * Starts the proxy CLI (`command` and its arguments, e.g. node with tsx and src/proxy/cli.ts, or an installed bin)
 * without a Cal.com key unless `env` gives one, and resolves once it says where it listens and which upstream it
 * uses.
 */
export function startCli(
  command: string,
  args: string[],
  cwd?: string,
  env: Record<string, string> = {},
): Promise<RunningCli> {
  const child = spawn(command, args, { cwd, env: { ...process.env, CALCOM_API_KEY: '', ...env } });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += String(chunk);
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('Upstream:'))
        resolve({
          url,
          get output() {
            return output;
          },
          exited,
          child,
        });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
    void exited.then((code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

/** Runs the CLI to its end; its exit code and output. */
export function runCli(
  command: string,
  args: string[],
  cwd?: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { cwd, env: { ...process.env, CALCOM_API_KEY: '' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
