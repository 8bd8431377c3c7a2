#!/usr/bin/env node
// The offline security and validity gate: every template of a cloud assembly through cdk-nag's AwsSolutions pack and
// the CloudFormation validator bundled in aws-cdk-lib. See docs/security.md.
//
//   node gate.mjs [CDK_OUT] [--verbose]     (CDK_OUT defaults to ./cdk.out)
//
// Prints each unsuppressed finding, validator diagnostic and suppression error as
//   <KIND> <LEVEL>  <stack>  <logical id>  <rule>  <message>
// then one summary line per template and a final summary line. A template passes when it has no unsuppressed cdk-nag
// error, no validator error and no invalid suppression; warnings are listed but do not fail it. Exits 1 when any
// template fails, 2 when the assembly cannot be read.
import { basename, resolve } from 'node:path';
import { checkTemplate, dispose, versions } from './lib/checks.mjs';
import { findTemplates } from './lib/templates.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const assembly = resolve(args.find((a) => !a.startsWith('--')) ?? 'cdk.out');

let targets;
try {
  targets = findTemplates(assembly);
} catch (error) {
  console.error(`security gate: ${error.message}`);
  process.exit(2);
}

if (targets.length === 0) {
  console.error(`security gate: ${assembly}/manifest.json lists no stack`);
  process.exit(2);
}

console.log(`security gate: cdk-nag ${versions.cdkNag} AwsSolutions + CloudFormation validator ${versions.validator} (aws-cdk-lib ${versions.awsCdkLib}) on ${targets.length} template(s) in ${assembly}`);

const totals = { passed: 0, failed: 0, nagErrors: 0, nagWarnings: 0, validatorErrors: 0, validatorWarnings: 0, suppressionErrors: 0, suppressed: 0 };
const line = (kind, level, stack, logicalId, rule, message) => console.log(`${kind} ${level}  ${stack}  ${logicalId}  ${rule}  ${message}`);
try {
  for (const target of targets) {
    const result = checkTemplate(target);
    const nagErrors = result.findings.filter((f) => f.level === 'ERROR');
    const nagWarnings = result.findings.filter((f) => f.level !== 'ERROR');
    for (const f of [...nagErrors, ...nagWarnings]) {
      line('NAG', f.level, target.stack, f.logicalId, f.rule, f.message);
    }

    for (const d of [...result.validatorErrors, ...result.validatorWarnings]) {
      line('VALIDATOR', d.level, target.stack, d.logicalId, d.rule, d.message);
    }

    for (const e of result.suppressionErrors) {
      line('SUPPRESSION', 'ERROR', target.stack, e.logicalId, 'cdk_nag', e.message);
    }

    for (const e of result.unusedSuppressions) {
      line('SUPPRESSION', 'WARN', target.stack, e.logicalId, e.id, `suppresses no finding (stale?): ${e.reason}`);
    }

    if (verbose) {
      for (const s of result.suppressed) {
        line('SUPPRESSED', s.level, target.stack, s.logicalId, s.rule, s.reason);
      }
    }

    const failed = nagErrors.length + result.validatorErrors.length + result.suppressionErrors.length > 0;
    totals[failed ? 'failed' : 'passed'] += 1;
    totals.nagErrors += nagErrors.length;
    totals.nagWarnings += nagWarnings.length;
    totals.validatorErrors += result.validatorErrors.length;
    totals.validatorWarnings += result.validatorWarnings.length + result.unusedSuppressions.length;
    totals.suppressionErrors += result.suppressionErrors.length;
    totals.suppressed += result.suppressed.length;
    console.log(`${failed ? 'FAIL' : 'PASS'} ${target.stack} (${basename(target.file)}${target.region ? `, ${target.region}` : ''}): `
      + `${nagErrors.length} nag error(s), ${nagWarnings.length} nag warning(s), ${result.validatorErrors.length} validator error(s), `
      + `${result.validatorWarnings.length} validator warning(s), ${result.suppressionErrors.length} bad suppression(s), ${result.suppressed.length} finding(s) suppressed with a reason`);
  }
} finally {
  dispose();
}

console.log(`security gate: ${totals.passed} template(s) passed, ${totals.failed} failed; `
  + `${totals.nagErrors} unsuppressed nag error(s), ${totals.nagWarnings} nag warning(s), ${totals.validatorErrors} validator error(s), `
  + `${totals.validatorWarnings} warning(s) of the validator or stale suppressions, ${totals.suppressionErrors} bad suppression(s), ${totals.suppressed} finding(s) suppressed with a reason`);
process.exitCode = totals.failed > 0 ? 1 : 0;
