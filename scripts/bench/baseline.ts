// `npm run bench -- --baseline <rev>`: the browser timings of an earlier commit's bundle beside today's, in the same
// run, so that a change is measured before and after on the same machine in the same minutes (issue 18).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The script-tag bundle of `rev`, built in a git worktree that shares this one's node_modules: its dist folder. */
export function baselineBundle(rev: string): string {
  const commit = execFileSync('git', ['rev-parse', '--short', rev], { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `booking-flow-baseline-${commit}`);
  if (!existsSync(join(dir, 'dist/booking-flow.js'))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'prune']);
    execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { stdio: 'ignore' });
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    execFileSync('npx', ['vite', 'build', '--mode', 'cdn'], { cwd: dir, stdio: 'ignore' });
  }
  return join(dir, 'dist');
}
