import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/config.ts';
import { LOCAL_SENDER, localConfig, type LocalConfig } from './config.ts';
import { SEED_USERS } from './seed-data.ts';
import { startLocalServer } from './server.ts';

// The local run is for development on whatever Node the machine has; the deployed functions run Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let config: LocalConfig;
try {
  config = localConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const dataDir = resolve(config.dataDir);
const port = config.port;

// One running copy per data folder: the embedded database locks it, and a second copy would die obscurely.
const lockFile = join(dataDir, 'server.pid');
const holder = existsSync(lockFile) ? Number(readFileSync(lockFile, 'utf8')) : undefined;
if (holder && holder !== process.pid && isRunning(holder)) {
  console.error(`Another copy (process ${holder}) is running on ${dataDir}: stop it first, or use another DATA_DIR.`);
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });
writeFileSync(lockFile, String(process.pid));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const server = await startLocalServer({
  port,
  host: config.host,
  devRoutes: config.devRoutes,
  dataDir,
  siteDir: resolve(config.siteDir),
  dynamoEndpoint: config.dynamoEndpoint,
  events: { pollMs: config.notifyPollMs },
  notifications: { sweepMs: config.notifySweepMs },
  smtp: { port: config.smtpPort },
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') console.error(`A port (${port}, or SMTP ${config.smtpPort}) is in use: stop what runs there, or start on others, e.g. PORT=3001 SMTP_PORT=2526 npm start`);
  else console.error('Could not start:', error.message ?? error);
  process.exit(1);
});

const logins = SEED_USERS.map((u) => `  ${u.email.padEnd(26)} ${u.role.padEnd(12)} ${u.orgId ?? ''}`).join('\n');
const red = (text: string) => (process.env.NO_COLOR ? text : `\x1b[1;31m${text}\x1b[0m`);
const devLines = server.devRoutes ? `
  E-mails:  ${server.url}/dev/outbox   (your own once signed in; a coordinator sees all)
${config.devRoutes ? `${red('  DEV_ROUTES=1: the password-less demo login and the outbox are on for anyone who can reach this address.')}\n` : ''}` : `
  Dev routes off (DEV_ROUTES=0): no demo login, no outbox.
`;
console.log(`
HPC AI Support Centre is running at ${server.url}/
  API:      ${server.url}/api   (OpenAPI: ${server.url}/api/openapi.json)
  SMTP:     127.0.0.1:${server.smtp?.port}   (reply to a mail of the outbox, or write to ${LOCAL_SENDER} to open a ticket)${devLines}
  Data:     ${dataDir}${server.seeded ? '  (seeded demo data)' : '  (existing data kept)'}
${server.devRoutes ? `
Sign in at ${server.url}/app/sign-in as one of these demo users (no password locally), or get a token with
  curl -s -X POST ${server.url}/api/dev/login -H 'content-type: application/json' -d '{"email":"maria@aurora-ai.example"}'
${logins}
` : ''}
Press Ctrl+C to stop.`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping...`);
  await server.close();
  rmSync(lockFile, { force: true });
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
