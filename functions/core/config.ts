/** Runtime configuration, read once from the environment (Lambda or the local server). */
export interface Config {
  tableName: string;
  region: string;
  /** Set for local runs (dynalite); unset in AWS. */
  dynamoEndpoint?: string;
  issuer: string;
  audience: string;
  jwksUrl: string;
  maxBodyBytes: number;
  /** Public origin of the site, used in links (e-mails, calendar invitations). */
  publicUrl: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`Missing required environment variable ${name}`);
    return value;
  };
  return {
    tableName: env.TABLE_NAME ?? 'support-centre',
    region: env.AWS_REGION ?? 'eu-north-1',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    issuer: required('AUTH_ISSUER'),
    audience: required('AUTH_AUDIENCE'),
    jwksUrl: env.AUTH_JWKS_URL ?? `${required('AUTH_ISSUER')}/.well-known/jwks.json`,
    maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 128 * 1024),
    publicUrl: env.PUBLIC_URL ?? 'http://localhost:3000',
  };
}
