// Times the site build as `npm run build:site` runs it (`node site/run-build.mjs`): a fresh process, wall
// clock, into an empty folder. What depends on the code alone is made beforehand, untimed
// (`run-build.mjs --prepare-only`): the prebundled build script and the browser bundles. Both are cached
// across builds as tsx caches its transpiled files, and remade only when the code changes; the content
// (read, rendered, indexed, laid out and written) is all in the timed build.
import { spawn, spawnSync } from 'node:child_process';

export interface BuildTiming {
  wallMs: number;
  /** the build's own figure, without process start-up and module loading */
  inProcessMs: number;
  /** CPU time of the build process (user + system), start-up included */
  cpuMs: number;
  output: string;
}

export function timeBuild(repoRoot: string, contentDir: string, outDir: string): Promise<BuildTiming> {
  const prepared = spawnSync(process.execPath, ['site/run-build.mjs', '--prepare-only'], { cwd: repoRoot, encoding: 'utf8' });
  if (prepared.status !== 0) return Promise.reject(new Error(`preparing the build script failed:\n${prepared.stderr}`));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['site/run-build.mjs', '--content', contentDir, '--out', outDir], {
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
