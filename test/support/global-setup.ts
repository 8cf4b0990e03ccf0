/**
 * vitest globalSetup: with `DYNAMO_ENGINE=endpoint`, checks once that the engine at DYNAMO_TEST_ENDPOINT answers and
 * hands its endpoint to the test processes with `provide`. Nothing with dynalite.
 */
import type { TestProject } from 'vitest/node';
import { externalEngine } from './external-engine.ts';
import { dynamoEngine } from './engine.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (dynamoEngine() !== 'endpoint') return undefined;
  const started = Date.now();
  const engine = await externalEngine(process.env.DYNAMO_TEST_ENDPOINT);
  console.log(`DynamoDB engine at ${engine.endpoint} (answered in ${Date.now() - started} ms)`);
  project.provide('dynamoEndpoint', engine.endpoint);
  return () => engine.close();
}
