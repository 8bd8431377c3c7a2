// Finds every CloudFormation template a cloud assembly holds, by reading its manifest (never by listing files): the
// app's stacks, any stack CDK adds on its own (the us-east-1 stack of Lambda@Edge functions), and the stacks of nested
// assemblies (stages).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const STACK = 'aws:cloudformation:stack';
const NESTED = 'cdk:cloud-assembly';

/**
 * @param {string} assemblyDir a cdk.out folder
 * @returns {{ stack: string, region: string | undefined, file: string }[]} in manifest order
 */
export function findTemplates(assemblyDir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(assemblyDir, 'manifest.json'), 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${join(assemblyDir, 'manifest.json')} (${error.message}); run scripts/synth.sh first`);
  }

  const found = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === STACK) {
      const file = artifact.properties?.templateFile;
      if (!file) {
        throw new Error(`manifest artifact ${id} is a stack without properties.templateFile`);
      }
      found.push({ stack: artifact.displayName ?? id, region: regionOf(artifact.environment), file: join(assemblyDir, file) });
    } else if (artifact.type === NESTED && artifact.properties?.directoryName) {
      found.push(...findTemplates(join(assemblyDir, artifact.properties.directoryName)));
    }
  }

  return found;
}

/** `aws://123456789012/eu-west-1` -> `eu-west-1`; undefined for an environment-agnostic stack. */
function regionOf(environment) {
  const region = /^aws:\/\/[^/]*\/(.+)$/.exec(environment ?? '')?.[1];
  return region && region !== 'unknown-region' ? region : undefined;
}
