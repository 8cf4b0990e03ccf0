import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_ROUTES, routeKey, type ApiFunctionName } from '../routes.ts';
import { SECURITY_LOG_RETENTION } from './security-logs.ts';

export interface HttpApiProps {
  stage: string;
  /** Browser origins allowed cross-origin; none means no CORS (the site itself is same-origin via CloudFront). */
  allowedOrigins: string[];
  throttle: { rateLimit: number; burstLimit: number };
}

/** HTTP API variables only (the REST API's standard fields include some HTTP APIs do not have). */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  user: '$context.authorizer.claims.sub',
};

/**
 * The API: each route of API_ROUTES to its function, Cognito's JWT checked by API Gateway on every
 * non-public route (the functions verify the token again themselves), one throttled, logged stage.
 */
export class HttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** The routes without the authorizer, by route key (`GET /api/health`). */
  readonly publicRoutes = new Map<string, apigw.HttpRoute>();

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: `support-centre-${props.stage}`,
      description: 'HPC AI Support Centre API (tickets, mentoring bookings)',
      createDefaultStage: false,
      ...(props.allowedOrigins.length ? {
        corsPreflight: {
          allowOrigins: props.allowedOrigins,
          allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.PUT, apigw.CorsHttpMethod.PATCH, apigw.CorsHttpMethod.DELETE],
          allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
          exposeHeaders: ['etag', 'location', 'x-request-id', 'retry-after'],
          maxAge: Duration.hours(1),
        },
      } : {}),
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: SECURITY_LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /**
   * Routes API_ROUTES to the functions. Separate from construction because the functions need the site's
   * URL, and the site's CloudFront distribution needs this API first.
   */
  routeTo(functions: Record<ApiFunctionName, { function: lambda.IFunction }>, userPool: cognito.IUserPool, siteClient: cognito.IUserPoolClient): void {
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', userPool, {
      userPoolClients: [siteClient],
      userPoolRegion: Aws.REGION,
      identitySource: ['$request.header.Authorization'],
    });
    const integrations = Object.fromEntries(
      Object.entries(functions).map(([name, fn]) => [name, new HttpLambdaIntegration(`${name}-integration`, fn.function)]),
    ) as Record<ApiFunctionName, HttpLambdaIntegration>;

    for (const route of API_ROUTES) {
      const [added] = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrations[route.target],
        authorizer: route.public ? new apigw.HttpNoneAuthorizer() : authorizer,
      });
      if (route.public && added) this.publicRoutes.set(routeKey(route), added);
    }
    // Route settings exist on the L1 stage only (a raw JSON map, hence CloudFormation's casing): routes that take
    // writes from anyone get their own, lower limits.
    const throttled = API_ROUTES.filter((route) => route.throttle);
    if (throttled.length) {
      (this.stage.node.defaultChild as apigw.CfnStage).routeSettings = Object.fromEntries(throttled.map((route) => [
        routeKey(route), { ThrottlingRateLimit: route.throttle!.rateLimit, ThrottlingBurstLimit: route.throttle!.burstLimit },
      ]));
      // The route must exist before the stage names it in its settings.
      for (const route of this.publicRoutes.values()) this.stage.node.addDependency(route);
    }
  }

  /** The host CloudFront forwards /api/* to (the $default stage, so paths pass through unchanged). */
  get originDomain(): string {
    return `${this.api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }
}
