/**
 * Synthesizes the real app (cdk/build-app.ts) for the template tests: offline, no Docker, with a temporary
 * built site (the tests run on a clean clone, where dist/site does not exist).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { PolicyValidationPluginReport } from 'aws-cdk-lib';
import { buildApp, type BuiltApp } from '../../../cdk/build-app.ts';

export interface Synthesized extends BuiltApp {
  template: Template;
  /** The raw template, for checks that walk every resource. */
  json: { Resources: Record<string, CfnResourceJson> };
  assemblyDir: string;
  nagReport: PolicyValidationPluginReport;
  cleanup(): void;
}

export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The search files of the synthesized site, by path under assets/search/. */
export const SEARCH_FILES: Record<string, string> = {
  'index-TEST123456.bin': 'index head '.repeat(50),
  'postings-TEST123456/0.bin': 'postings shard '.repeat(50),
  'docs-TEST123456.json': '{"sections":{}}',
};

export function synthesize(settings: Record<string, string> = {}): Synthesized {
  const workDir = mkdtempSync(join(tmpdir(), 'cdk-test-'));
  const siteDir = join(workDir, 'site');
  mkdirSync(join(siteDir, 'assets'), { recursive: true });
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>HPC AI Support Centre</title>');
  writeFileSync(join(siteDir, '404.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(join(siteDir, 'assets/main-TEST1234.js'), 'console.log("site");');
  writeFileSync(join(siteDir, 'index.html.gz'), 'precompressed copy for the local server');
  // the search index as the build writes it: head, a postings shard, the docs table, the local server's .gz
  mkdirSync(join(siteDir, 'assets/search/postings-TEST123456'), { recursive: true });
  for (const [file, text] of Object.entries(SEARCH_FILES)) writeFileSync(join(siteDir, 'assets/search', file), text);
  writeFileSync(join(siteDir, 'assets/search/index-TEST123456.bin.gz'), 'precompressed copy for the local server');

  const built = buildApp({
    context: { siteDir, ...settings },
    env: {},
    outdir: join(workDir, 'cdk.out'),
  });
  const assembly = built.app.synth();
  const artifact = assembly.getStackByName(built.stack.stackName);
  return {
    ...built,
    template: Template.fromJSON(artifact.template),
    json: artifact.template,
    assemblyDir: assembly.directory,
    nagReport: built.nag.validateScope(built.app),
    cleanup: () => rmSync(workDir, { recursive: true, force: true }),
  };
}

/** Every file of an asset staged in the cloud assembly, by the asset's S3 object key (`<hash>.zip`), as bytes. */
export function assetBytes(assemblyDir: string, objectKey: string): Map<string, Buffer> {
  const dir = join(assemblyDir, `asset.${objectKey.replace(/\.zip$/, '')}`);
  const files = new Map<string, Buffer>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(dir, path)));
    }
  };
  walk('');
  return files;
}

/** The same, as text. */
export function assetFiles(assemblyDir: string, objectKey: string): Map<string, string> {
  return new Map([...assetBytes(assemblyDir, objectKey)].map(([path, bytes]) => [path, bytes.toString('utf8')]));
}

export function resourcesOfType(json: Synthesized['json'], type: string): Array<[string, CfnResourceJson]> {
  return Object.entries(json.Resources).filter(([, resource]) => resource.Type === type);
}
