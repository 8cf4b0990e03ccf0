import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import { LAMBDA_BUNDLE, LAMBDA_NODE_OPTIONS } from '../bundling.ts';
import { REPOSITORY_ROOT } from '../paths.ts';

export interface SupportFunctionProps {
  /** The TypeScript module exporting the handler. */
  entry: string;
  /** Exported name of the handler in `entry`. */
  handler: string;
  environment: Record<string, string>;
  logLevel: DeploymentConfig['logLevel'];
  timeout?: Duration;
  description: string;
}

/**
 * One Lambda function as every function here is deployed: Node.js 22 on ARM64, bundled locally by esbuild
 * with the shared options, its own log group, and a role that may only write to that log group until the
 * caller grants exactly what the function needs.
 */
export class SupportFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SupportFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role instead of the default one: the default attaches AWSLambdaBasicExecutionRole, which may
    // create any log group and write to all of them.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (execution role)`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: props.handler,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      // JSON logs let Lambda filter by level; Lambda hands the level to our logger (AWS_LAMBDA_LOG_LEVEL, core/logger.ts),
      // so the records it writes and the ones Lambda keeps agree.
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[props.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: `${REPOSITORY_ROOT}/package-lock.json`,
      environment: {
        ...props.environment,
        NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
      },
      bundling: {
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: LAMBDA_BUNDLE.sourceMap,
        sourcesContent: LAMBDA_BUNDLE.sourcesContent,
        target: LAMBDA_BUNDLE.target,
        format: OutputFormat.ESM,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        banner: LAMBDA_BUNDLE.banner,
        externalModules: [...LAMBDA_BUNDLE.externalModules],
        // Synth runs offline on machines without Docker: esbuild from node_modules does the bundling.
        forceDockerBundling: false,
      },
    });
  }
}
