// Times `tsx site/build.ts` as `npm run build:site` runs it: a fresh process, wall clock.
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface BuildTiming {
  wallMs: number;
  /** the build's own figure, without process start-up and module loading */
  inProcessMs: number;
  /** CPU time of the build process (user + system), start-up included */
  cpuMs: number;
  output: string;
}

export function timeBuild(repoRoot: string, contentDir: string, outDir: string): Promise<BuildTiming> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['site/build.ts', '--content', contentDir, '--out', outDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`site build failed (${code}):\n${output}`));
      const inProcess = /in (\d+) ms/.exec(output);
      const cpu = /process CPU (\d+) ms/.exec(output);
      resolve({ wallMs, inProcessMs: inProcess ? Number(inProcess[1]) : NaN, cpuMs: cpu ? Number(cpu[1]) : NaN, output: output.trim() });
    });
  });
}
