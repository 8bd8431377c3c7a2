// Self-test of the gate: small planted cloud assemblies, each run through gate.mjs as scripts/security-gate.sh runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const gate = join(dirname(fileURLToPath(import.meta.url)), '..', 'gate.mjs');
const root = mkdtempSync(join(tmpdir(), 'security-gate-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

const REASON = 'The planted bucket exists only to test the gate and stores nothing.';
const BASIC_ROLE = 'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

/** Writes a cloud assembly: { stackName: template } (plus nested assemblies) and returns its folder. */
function assembly(name, stacks, nested = {}) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const artifacts = {};
  for (const [stack, { template, region = 'eu-west-1' }] of Object.entries(stacks)) {
    writeFileSync(join(dir, `${stack}.template.json`), JSON.stringify(template));
    artifacts[stack] = { type: 'aws:cloudformation:stack', environment: `aws://unknown-account/${region}`, properties: { templateFile: `${stack}.template.json` } };
  }

  for (const [child, childStacks] of Object.entries(nested)) {
    assembly(join(name, child), childStacks);
    artifacts[child] = { type: 'cdk:cloud-assembly', properties: { directoryName: child } };
  }

  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts }));
  return dir;
}

function run(dir) {
  const result = spawnSync(process.execPath, [gate, dir], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout + result.stderr };
}

/** A bucket that cdk-nag flags with AwsSolutions-S1 (no access logs) and AwsSolutions-S10 (no SSL-only policy). */
function bucket(suppressions) {
  return {
    Type: 'AWS::S3::Bucket',
    Properties: {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    },
    ...(suppressions ? { Metadata: { cdk_nag: { rules_to_suppress: suppressions } } } : {}),
  };
}

function oac(type) {
  return {
    Type: 'AWS::CloudFront::OriginAccessControl',
    Properties: { OriginAccessControlConfig: { Name: 'planted', OriginAccessControlOriginType: type, SigningBehavior: 'always', SigningProtocol: 'sigv4' } },
  };
}

test('fails on an unsuppressed cdk-nag error and names stack, resource and rule', () => {
  const { code, out } = run(assembly('unsuppressed', { Planted: { template: { Resources: { Site: bucket() } } } }));
  assert.equal(code, 1, out);
  assert.match(out, /NAG ERROR {2}Planted {2}Site {2}AwsSolutions-S1 {2}\S/);
  assert.match(out, /0 template\(s\) passed, 1 failed/);
});

test('fails on a validator error (an Origin Access Control of type "lamda")', () => {
  const { code, out } = run(assembly('validator', { Planted: { template: { Resources: { Oac: oac('lamda') } } } }));
  assert.equal(code, 1, out);
  assert.match(out, /VALIDATOR ERROR {2}Planted {2}Oac {2}[EF]\d+ .*lamda/);
  assert.doesNotMatch(out, /NAG ERROR/);
});

test('passes the same Origin Access Control with type "lambda"', () => {
  const { code, out } = run(assembly('validator-ok', { Planted: { template: { Resources: { Oac: oac('lambda') } } } }));
  assert.equal(code, 0, out);
  assert.match(out, /1 template\(s\) passed, 0 failed/);
});

test('passes when every finding is suppressed with a reason in the resource metadata', () => {
  const { code, out } = run(assembly('suppressed', {
    Planted: { template: { Resources: { Site: bucket([{ id: 'AwsSolutions-S1', reason: REASON }, { id: 'AwsSolutions-S10', reason: REASON }]) } } },
  }));
  assert.equal(code, 0, out);
  assert.match(out, /0 nag error\(s\).* 2 finding\(s\) suppressed with a reason/);
});

test('fails on a suppression without a reason of a few words, and keeps the finding', () => {
  for (const suppression of [{ id: 'AwsSolutions-S1' }, { id: 'AwsSolutions-S1', reason: 'ok' }, { id: 'AwsSolutions-S1', reason: '   ' }]) {
    const { code, out } = run(assembly(`reasonless-${JSON.stringify(suppression.reason)}`, {
      Planted: { template: { Resources: { Site: bucket([suppression, { id: 'AwsSolutions-S10', reason: REASON }]) } } },
    }));
    assert.equal(code, 1, out);
    assert.match(out, /SUPPRESSION ERROR {2}Planted {2}Site {2}cdk_nag {2}rules_to_suppress\[0\] \(AwsSolutions-S1\) has (no reason|the reason)/);
    assert.match(out, /NAG ERROR {2}Planted {2}Site {2}AwsSolutions-S1 /);
  }
});

test('applies_to suppresses only the findings it lists', () => {
  const role = (appliesTo) => ({
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }] },
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']] },
      ],
    },
    Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-IAM4', reason: 'Only the basic execution role is expected on this role.', applies_to: appliesTo }] } },
  });
  const narrow = run(assembly('applies-to', { Planted: { template: { Resources: { Role: role([BASIC_ROLE]) } } } }));
  assert.equal(narrow.code, 1, narrow.out);
  assert.match(narrow.out, /AwsSolutions-IAM4\[Policy::arn:<AWS::Partition>:iam::aws:policy\/AdministratorAccess\]/);
  assert.doesNotMatch(narrow.out, /NAG ERROR .*AWSLambdaBasicExecutionRole/);

  const both = run(assembly('applies-to-regex', { Planted: { template: { Resources: { Role: role([BASIC_ROLE, { regex: '/^Policy::.*AdministratorAccess$/' }]) } } } }));
  assert.equal(both.code, 0, both.out);
});

test('reads every stack of the manifest, nested assemblies included, and lists a stale suppression as a warning', () => {
  const dir = assembly('many', {
    Site: { template: { Resources: { Site: bucket([{ id: 'AwsSolutions-S1', reason: REASON }, { id: 'AwsSolutions-S10', reason: REASON }, { id: 'AwsSolutions-L1', reason: REASON }]) } } },
  }, {
    'assembly-Stage': { Edge: { template: { Resources: { Oac: oac('lamda') } }, region: 'us-east-1' } },
  });
  const { code, out } = run(dir);
  assert.equal(code, 1, out);
  assert.match(out, /PASS Site \(Site\.template\.json, eu-west-1\)/);
  assert.match(out, /FAIL Edge \(Edge\.template\.json, us-east-1\)/);
  assert.match(out, /SUPPRESSION WARN {2}Site {2}Site {2}AwsSolutions-L1 {2}suppresses no finding/);
  assert.match(out, /1 template\(s\) passed, 1 failed/);
});

test('exits 2 when there is no cloud assembly', () => {
  const { code, out } = run(join(root, 'missing'));
  assert.equal(code, 2, out);
  assert.match(out, /run scripts\/synth\.sh first/);
});
