import { spawnSync } from 'node:child_process';
import { LAMBDA_NODE_OPTIONS } from '../../cdk/bundling.ts';

/** What the functions read at import time, with values that need no network. */
export const BENCH_ENVIRONMENT: Record<string, string> = {
  AWS_REGION: 'eu-north-1',
  TABLE_NAME: 'support-centre',
  AUTH_ISSUER: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_BENCH',
  AUTH_AUDIENCE: 'bench-client',
  PUBLIC_URL: 'https://support.example.eu',
  SENDER_ADDRESS: 'desk@example.eu',
  ATTACHMENTS_BUCKET: 'support-centre-attachments',
  RAW_MAIL_BUCKET: 'support-centre-raw-mail',
  SUPPORT_ADDRESS: 'support@example.eu',
  MAIL_TOKEN_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  LOG_LEVEL: 'ERROR',
};

// Imports the bundle and prints how long the import (the function's init phase) took.
const IMPORT_ONCE = 'const started = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - started));';

/** Milliseconds to import `file` in a fresh node process, with the same NODE_OPTIONS the function runs with. */
export function importTime(file: string, extraNodeArgs: string[] = []): number {
  const result = spawnSync(process.execPath, [...LAMBDA_NODE_OPTIONS.split(' '), ...extraNodeArgs, '--input-type=module', '-e', IMPORT_ONCE, file], {
    env: { PATH: process.env.PATH ?? '', ...BENCH_ENVIRONMENT },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Importing ${file} failed:\n${result.stderr}`);
  return Number(result.stdout);
}
