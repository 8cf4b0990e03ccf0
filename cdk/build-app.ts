import { App, Validations } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deploymentConfig, settingReader, type DeploymentConfig } from './config.ts';
import { FUNCTION_ENTRIES, fromRepository } from './paths.ts';
import { SupportCentreStack, type FunctionEntries } from './support-centre-stack.ts';

export interface BuildAppOptions {
  /** CDK context (settings and feature flags); the CLI's `-c` values arrive through the environment. */
  context?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** Where the cloud assembly goes; the CLI sets it through CDK_OUTDIR. */
  outdir?: string;
  /** Overrides the function entries. */
  entries?: Partial<FunctionEntries>;
}

export interface BuiltApp {
  app: App;
  stack: SupportCentreStack;
  config: DeploymentConfig;
  nag: AwsSolutionsChecks;
}

/** The app `cdk` runs (cdk/app.ts) and the tests synthesize: one stack, checked by the cdk-nag AwsSolutions pack. */
export function buildApp(options: BuildAppOptions = {}): BuiltApp {
  // The recommended feature flags of the installed aws-cdk-lib, as a new `cdk init` project pins them.
  const app = new App({ context: { ...CURRENTLY_RECOMMENDED_FLAGS, ...options.context }, ...(options.outdir ? { outdir: options.outdir } : {}) });
  const config = deploymentConfig(settingReader((key) => app.node.tryGetContext(key), options.env ?? process.env));
  const stack = new SupportCentreStack(app, `SupportCentre-${config.stage}`, {
    description: `HPC AI Support Centre (${config.stage}): site, API, identity, data, notifications`,
    // Environment-agnostic on purpose: nothing is looked up, so synth needs no account.
    config,
    entries: { ...FUNCTION_ENTRIES, ...options.entries },
    siteDir: fromRepository(config.siteDir),
    tags: { application: 'hpc-ai-support-centre', stage: config.stage },
  });
  // Synth fails on any finding not acknowledged with a reason (cdk/nag-suppressions.ts).
  const nag = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(nag);
  return { app, stack, config, nag };
}
