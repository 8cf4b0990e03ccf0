// The runtime configuration the deployment writes to /config.json (cdk/constructs/site-deployment.ts),
// or the local server's `{ apiUrl: '/api', mode: 'local' }`.
export interface CognitoConfig {
  domain: string;
  clientId: string;
  region: string;
  userPoolId: string;
}

export type AppConfig =
  | { mode: 'local'; apiUrl: string }
  | { mode: 'cognito'; apiUrl: string; cognito: CognitoConfig };

export function parseConfig(value: unknown): AppConfig {
  const data = value as Partial<{ mode: string; apiUrl: string; cognito: Partial<CognitoConfig> }> | null;
  const apiUrl = typeof data?.apiUrl === 'string' && data.apiUrl ? data.apiUrl.replace(/\/$/, '') : '/api';
  if (data?.mode === 'cognito') {
    const cognito = data.cognito ?? {};
    if (!cognito.domain || !cognito.clientId) throw new Error('config.json: cognito.domain and cognito.clientId are required.');
    return {
      mode: 'cognito',
      apiUrl,
      cognito: { domain: cognito.domain.replace(/^https?:\/\//, '').replace(/\/$/, ''), clientId: cognito.clientId, region: cognito.region ?? '', userPoolId: cognito.userPoolId ?? '' },
    };
  }
  return { mode: 'local', apiUrl };
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`/config.json: HTTP ${response.status}`);
  return parseConfig(await response.json());
}
