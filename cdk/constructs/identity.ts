import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Cognito group names; the API maps them to roles (functions/core/principal.ts). */
export const STAFF_GROUPS = { experts: 'experts', coordinators: 'coordinators' } as const;

/** The custom attribute holding a requester's organisation id; it reaches the token as `custom:org`. */
export const ORGANISATION_ATTRIBUTE = 'org';

/** The site's OAuth callback, and the pages Cognito may return to after signing out (the site root, the app's sign-in page). */
export const CALLBACK_PATH = '/app/callback';
export const SIGNED_OUT_PATHS = ['/', '/app/sign-in'];

export interface IdentityProps {
  stage: string;
  /** `<prefix>.auth.<region>.amazoncognito.com`; a per-account default when absent. */
  domainPrefix?: string;
}

/**
 * Who may sign in: accounts are created by the support centre (no self sign-up), experts and coordinators
 * are groups, and a requester's organisation is an attribute only administrators can set.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: `support-centre-${props.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        [ORGANISATION_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      // The accounts are the support centre's users: keep them if the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const [key, groupName] of Object.entries(STAFF_GROUPS)) {
      this.userPool.addGroup(`${key[0]!.toUpperCase()}${key.slice(1)}Group`, { groupName, description: `Support centre ${groupName}` });
    }

    this.domain = this.userPool.addDomain('HostedDomain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? Fn.join('-', ['hpc-ai-support', props.stage, Aws.ACCOUNT_ID]) },
    });
  }

  /**
   * The site's OAuth client (authorization code with PKCE, no secret). Added once the site's origin is
   * known: the CloudFront distribution needs the hosted domain first (for its CSP), the client needs
   * the distribution's URL.
   * @param siteOrigins where the site runs, the public origin first; each gets the callback and sign-out URLs
   */
  addSiteClient(siteOrigins: string[]): cognito.UserPoolClient {
    const standardAttributes = { email: true, emailVerified: true, fullname: true };
    return this.userPool.addClient('SiteClient', {
      userPoolClientName: 'site',
      generateSecret: false,
      // Browsers sign in through the hosted UI only; no password flow reaches the client.
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: siteOrigins.map((origin) => `${origin}${CALLBACK_PATH}`),
        logoutUrls: siteOrigins.flatMap((origin) => SIGNED_OUT_PATHS.map((path) => `${origin}${path}`)),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new cognito.ClientAttributes().withStandardAttributes(standardAttributes).withCustomAttributes(ORGANISATION_ATTRIBUTE),
      // Without this list a user could change their own organisation with their access token.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }

  /**
   * `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the tokens' `iss`, spelled exactly as the
   * API Gateway user-pool authorizer spells it, so gateway and functions check the same issuer.
   */
  get issuer(): string {
    return `https://cognito-idp.${Aws.REGION}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /** `https://<prefix>.auth.<region>.amazoncognito.com`: where the site sends people to sign in. */
  get hostedUiOrigin(): string {
    return this.domain.baseUrl();
  }

  /** The host name alone, as the site's config.json expects it. */
  get hostedUiDomain(): string {
    return `${this.domain.domainName}.auth.${Aws.REGION}.amazoncognito.com`;
  }
}
