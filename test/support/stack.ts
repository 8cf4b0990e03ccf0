import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../functions/local/server.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
import { engineTable } from './engine.ts';

/** Demo e-mails by the part each plays in tests. */
export const AS = {
  maria: 'maria@aurora-ai.example',
  jonas: 'jonas@aurora-ai.example',
  lea: 'lea@basalt-labs.example',
  ana: 'ana@support.example',
  mikko: 'mikko@support.example',
  giulia: 'giulia@support.example',
  coord: 'coord@support.example',
} as const;

export interface TestStack {
  server: LocalServer;
  /** A valid token for a seeded user. */
  token(email: string): Promise<string>;
  /** Calls the API in-process (app.request: real HTTP semantics, no socket). */
  call(method: string, path: string, options?: { as?: string; token?: string; body?: unknown; rawBody?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The local server on a fresh table of the selected engine (`DYNAMO_ENGINE`, see engine.ts): an in-memory dynalite
 * of its own, or a new table on the run's DynamoDB Local, dropped again on close.
 */
export async function startEngineServer(options: Partial<LocalServerOptions> = {}): Promise<LocalServer> {
  process.env.LOG_LEVEL ??= 'SILENT';
  const table = engineTable();
  const server = await startLocalServer({ port: 0, seed: true, ...table.options, ...options });
  return {
    ...server,
    async close() {
      await server.close();
      await table.drop();
    },
  };
}

/**
 * A fresh product on the selected engine: same composition as `npm start`, on a free port
 * (the identity provider's JWKS is fetched over real HTTP, as Cognito's is in AWS).
 */
export async function startTestStack(options: Partial<LocalServerOptions> = {}): Promise<TestStack> {
  const server = await startEngineServer(options);
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    let value = tokens.get(email);
    if (!value) {
      value = await server.idp.tokenFor(seedUser(email));
      tokens.set(email, value);
    }
    return value;
  };
  return {
    server,
    token,
    async call(method, path, { as, token: explicit, body, rawBody, headers = {} } = {}) {
      const auth = explicit ?? (as ? await token(as) : undefined);
      const init: RequestInit = {
        method,
        headers: {
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(rawBody !== undefined ? { body: rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}),
      };
      return server.api.request(path, init);
    },
    close: () => server.close(),
  };
}
