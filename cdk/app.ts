/**
 * The CDK app: `npm run synth` (offline, no AWS account), `npm run deploy`, `npm run destroy`.
 * Settings come from context (`-c stage=prod`) or the environment (cdk/config.ts, cdk/README.md).
 */
import { buildApp } from './build-app.ts';

buildApp();
