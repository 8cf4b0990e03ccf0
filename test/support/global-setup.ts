/**
 * vitest globalSetup: with `DYNAMO_ENGINE=dynamodb-local`, one DynamoDB Local for the whole run (a JVM per test
 * file would cost seconds each), its endpoint handed to the test processes with `provide`. Nothing with dynalite.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { dynamoEngine } from './engine.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (dynamoEngine() !== 'dynamodb-local') return undefined;
  const started = Date.now();
  const engine = await startDynamoDbLocal();
  console.log(`DynamoDB Local at ${engine.endpoint} (started in ${Date.now() - started} ms)`);
  project.provide('dynamoEndpoint', engine.endpoint);
  return () => engine.close();
}
