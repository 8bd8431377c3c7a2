using Astro.Aws.Rules;

// Prints one line per template of each cloud assembly given (default cdk.out), every violation under it, and a final
// "N passed, N failed" line (one check per template); exits 1 when a template breaks a rule, 2 when a folder is not a
// cloud assembly.
string[] assemblies = args.Length > 0 ? args : ["cdk.out"];
var passed = 0;
var failed = 0;
Console.WriteLine($"aws-rules: {AwsRules.Rules.Count} rules (docs/aws-rules.md)");
foreach (var assembly in assemblies)
{
    IReadOnlyList<AwsRuleViolation> violations;
    IReadOnlyList<string> templates;
    try
    {
        violations = AwsRules.CheckAssembly(assembly);
        templates = AwsRules.TemplateNames(assembly);
    }
    catch (ArgumentException error)
    {
        Console.Error.WriteLine($"aws-rules: {error.Message}");
        return 2;
    }

    Console.WriteLine($"== {templates.Count} template(s) in {Path.GetFullPath(assembly)}");
    foreach (var template in templates)
    {
        var found = violations.Where(v => v.Template == template).ToList();
        (found.Count > 0 ? ref failed : ref passed)++;
        Console.WriteLine($"{(found.Count > 0 ? "FAIL" : "PASS")} {template}: {found.Count} violation(s)");
        foreach (var violation in found)
        {
            Console.WriteLine($"  {violation.RuleId} {violation.LogicalId}: {violation.Message}");
            Console.WriteLine($"    source: {violation.Source}");
        }
    }
}

Console.WriteLine($"{passed} passed, {failed} failed");
return failed > 0 ? 1 : 0;
