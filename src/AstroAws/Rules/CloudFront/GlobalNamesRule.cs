using System.Text.RegularExpressions;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>CloudFront's functions and policies have account-wide names: valid characters and length, and the region in them.</summary>
internal sealed partial class GlobalNamesRule : AwsRule
{
    private static readonly (string Type, string[] Path, int Max)[] Named =
    [
        ("AWS::CloudFront::Function", ["Name"], 64),
        ("AWS::CloudFront::KeyValueStore", ["Name"], 64),
        ("AWS::CloudFront::CachePolicy", ["CachePolicyConfig", "Name"], 128),
        ("AWS::CloudFront::OriginRequestPolicy", ["OriginRequestPolicyConfig", "Name"], 128),
        ("AWS::CloudFront::ResponseHeadersPolicy", ["ResponseHeadersPolicyConfig", "Name"], 128),
    ];

    public override string Id => "cloudfront/global-names";

    public override string Summary => "Names of CloudFront Functions, KeyValueStores and cache, origin request and response headers policies are unique in the account (so they hold the region), use only letters, digits, '-' and '_', and have at most 64 (functions, stores) or 128 (policies) characters.";

    public override string Source => "CloudFront API reference (FunctionName pattern [a-zA-Z0-9-_]{1,64}; FunctionAlreadyExists \"in this Amazon Web Services account\"; ResponseHeadersPolicyConfig.Name \"must be unique ... in this Amazon Web Services account\"); https://github.com/serverless/serverless/issues/8818";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var (type, path, max) in Named)
        {
            foreach (var resource in template.OfType(type))
            {
                var name = resource.Property(path);
                if (name is null)
                {
                    continue;
                }

                if (!RegionalNames.HasRegion(name, template.Region))
                {
                    yield return new RuleFinding(resource.LogicalId, $"its name {name.ToJsonString()} does not hold the region; the name is unique per account, so the same stack in a second region collides.");
                }

                if (CfnTemplate.Flatten(name, "xxxxxxxxxxxxxx") is { } flat && (flat.Length > max || !NameCharacters().IsMatch(flat)))
                {
                    yield return new RuleFinding(resource.LogicalId, $"its name '{flat}' must be 1-{max} characters of letters, digits, '-' and '_' (a region counted as 14).");
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex NameCharacters();
}
