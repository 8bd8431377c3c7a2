// Suppressions written into a template as resource metadata, in cdk-nag 2's format:
//
//   "Metadata": { "cdk_nag": { "rules_to_suppress": [
//     { "id": "AwsSolutions-IAM4", "reason": "...", "applies_to": ["Policy::arn:<AWS::Partition>:iam::aws:policy/..."] } ] } }
//
// cdk-nag 3 no longer reads them, so the gate turns each one into an acknowledgement of the findings it covers.
// Matching follows cdk-nag 2:
//   - `id` names a rule ("AwsSolutions-IAM5"), or one finding of it ("AwsSolutions-IAM5[Action::s3:*]");
//   - without `applies_to`, the entry covers every finding of the rule on that resource;
//   - with `applies_to`, only the findings listed: each entry is the finding id as cdk-nag prints it inside the
//     brackets ("Action::s3:List*"), the full id ("AwsSolutions-IAM5[Action::s3:List*]"), or `{ "regex": "/.../" }`.
// A suppression must say why: a reason of at least MIN_REASON_WORDS words and MIN_REASON_CHARS characters. One that
// does not is reported as an error and suppresses nothing.

export const MIN_REASON_WORDS = 4;
export const MIN_REASON_CHARS = 20;

/**
 * Reads and checks every suppression of a template.
 * @returns {{ entries: Entry[], errors: { logicalId: string, message: string }[] }}
 * @typedef {{ logicalId: string, id: string, reason: string, appliesTo: (string | RegExp)[] | undefined, used: boolean }} Entry
 */
export function readSuppressions(template) {
  const entries = [];
  const errors = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const cdkNag = resource?.Metadata?.cdk_nag;
    if (cdkNag === undefined) {
      continue;
    }

    const list = cdkNag?.rules_to_suppress;
    if (!Array.isArray(list)) {
      errors.push({ logicalId, message: 'Metadata.cdk_nag has no rules_to_suppress array' });
      continue;
    }

    list.forEach((raw, index) => {
      const where = `rules_to_suppress[${index}]`;
      const id = typeof raw?.id === 'string' ? raw.id.trim() : '';
      if (!id) {
        errors.push({ logicalId, message: `${where} has no rule id` });
        return;
      }

      const reason = typeof raw.reason === 'string' ? raw.reason.trim() : '';
      const words = reason.split(/\s+/).filter(Boolean).length;
      if (words < MIN_REASON_WORDS || reason.length < MIN_REASON_CHARS) {
        errors.push({
          logicalId,
          message: `${where} (${id}) has ${reason ? `the reason "${reason}", which is too short` : 'no reason'}: `
            + `say why in at least ${MIN_REASON_WORDS} words and ${MIN_REASON_CHARS} characters`,
        });
        return;
      }

      let appliesTo;
      if (raw.applies_to !== undefined) {
        if (!Array.isArray(raw.applies_to) || raw.applies_to.length === 0) {
          errors.push({ logicalId, message: `${where} (${id}) has applies_to that is not a non-empty array` });
          return;
        }

        appliesTo = [];
        for (const item of raw.applies_to) {
          const pattern = typeof item === 'string' ? item : toRegExp(item?.regex);
          if (pattern === undefined || pattern === '') {
            errors.push({ logicalId, message: `${where} (${id}) has an applies_to entry that is neither a string nor { "regex": "/.../" }: ${JSON.stringify(item)}` });
            return;
          }

          appliesTo.push(pattern);
        }
      }

      entries.push({ logicalId, id, reason, appliesTo, used: false });
    });
  }

  return { entries, errors };
}

/** The entry of `entries` (all on one resource) that covers finding `findingId`, or undefined. */
export function coveringEntry(entries, findingId) {
  const bracket = findingId.indexOf('[');
  const rule = bracket < 0 ? findingId : findingId.slice(0, bracket);
  const inner = bracket < 0 ? undefined : findingId.slice(bracket + 1, -1);
  return entries.find((entry) => {
    if (entry.id === findingId) {
      return true;
    }

    if (entry.id !== rule) {
      return false;
    }

    if (entry.appliesTo === undefined) {
      return true;
    }

    return entry.appliesTo.some((pattern) => pattern instanceof RegExp
      ? inner !== undefined && new RegExp(pattern.source, pattern.flags.replace('g', '')).test(inner)
      : pattern === findingId || (inner !== undefined && pattern === inner));
  });
}

/** cdk-nag 2 wrote regexes as "/source/flags". */
function toRegExp(text) {
  if (typeof text !== 'string') {
    return undefined;
  }

  const match = /^\/(.*)\/([a-z]*)$/s.exec(text);
  try {
    return match ? new RegExp(match[1], match[2]) : new RegExp(text);
  } catch {
    return undefined;
  }
}
