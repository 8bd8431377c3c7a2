// The two checks run on each template: cdk-nag's AwsSolutions pack (on the template included into a harness stack) and
// the offline CloudFormation validator that aws-cdk-lib 2.27x bundles (@aws/cloudformation-validate).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { coveringEntry, readSuppressions } from './suppressions.mjs';

const require = createRequire(import.meta.url);
const { App, Stack, Validations } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

// The validator is a dependency bundled inside aws-cdk-lib, so it resolves from there, not from this package.
const validate = createRequire(require.resolve('aws-cdk-lib/package.json'))('@aws/cloudformation-validate');

export const versions = {
  cdkNag: require('cdk-nag/package.json').version,
  awsCdkLib: require('aws-cdk-lib/package.json').version,
  validator: validate.version(),
};

// W3005 ("dependency already enforced by a GetAtt"): CDK writes DependsOn from every Lambda function to its role and
// also references the role with Fn::GetAtt. The DependsOn is redundant, harmless, and not ours to remove, and it would
// be reported once per function. Excluded here, and only this rule.
export const VALIDATOR_EXCLUDED_RULES = ['W3005'];

let engine;

/** Frees the validator's WebAssembly memory; the next check creates a new engine. */
export function dispose() {
  engine?.free();
  engine = undefined;
}

/**
 * Runs both checks on one template.
 * @param {{ stack: string, file: string, region?: string }} target
 */
export function checkTemplate({ stack, file, region }) {
  const template = JSON.parse(readFileSync(file, 'utf8'));
  const { entries, errors: suppressionErrors } = readSuppressions(template);
  return { stack, file, ...runNag(file, entries), suppressionErrors, ...runValidator(file, region), unusedSuppressions: entries.filter((e) => !e.used) };
}

/**
 * Runs the pack once to see every finding, acknowledges (Validations.of(resource).acknowledge) the findings that
 * the template's own metadata suppresses, and runs it again: what is left is unsuppressed.
 */
function runNag(file, entries) {
  const app = new App();
  const stack = new Stack(app, 'Gate');
  const included = new CfnInclude(stack, 'Template', { templateFile: file });
  const pack = new AwsSolutionsChecks(app, { verbose: false });

  const raw = flatten(pack.validateScope(stack));
  const suppressed = [];
  for (const finding of raw) {
    const entry = coveringEntry(entries.filter((e) => e.logicalId === finding.logicalId), finding.rule);
    if (entry) {
      entry.used = true;
      Validations.of(included.getResource(finding.logicalId)).acknowledge({ id: finding.rule, reason: entry.reason });
      suppressed.push({ ...finding, reason: entry.reason });
    }
  }

  const findings = flatten(pack.validateScope(stack));
  return { findings, suppressed };
}

/** One finding per (rule, resource), with the logical ID taken from the construct path Gate/Template/<logicalId>. */
function flatten(report) {
  return report.violations.flatMap((violation) => violation.violatingResources.map((resource) => ({
    rule: violation.ruleName,
    level: violation.severity === 'error' ? 'ERROR' : 'WARN',
    logicalId: resource.constructPath.split('/').pop(),
    message: violation.description,
  })));
}

function runValidator(file, region) {
  engine ??= new validate.CompositeEngine();
  const report = engine.validateTemplate(new validate.TemplateFile(file), {
    exclude: { ids: VALIDATOR_EXCLUDED_RULES },
    severityLevel: 'WARN',
    detailLevel: 'STANDARD',
    pseudoParameterOverrides: region ? { region } : undefined,
  });
  const diagnostics = report.diagnostics.map((d) => ({
    rule: d.ruleId,
    level: d.severity === 'ERROR' || d.severity === 'FATAL' ? 'ERROR' : 'WARN',
    logicalId: d.entity?.logicalId ?? '(template)',
    message: d.propertyPath ? `${d.propertyPath}: ${d.message}` : d.message,
  }));
  if (report.status === 'ANALYSIS_INCOMPLETE') {
    diagnostics.push({ rule: 'ANALYSIS_INCOMPLETE', level: 'WARN', logicalId: '(template)', message: 'the validator ran out of budget; part of the template was not checked' });
  }

  return { validatorErrors: diagnostics.filter((d) => d.level === 'ERROR'), validatorWarnings: diagnostics.filter((d) => d.level === 'WARN') };
}
