using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.Route53;

/// <summary>Alias records: the exact name of what they point at, CloudFront's hosted zone, and no TTL.</summary>
internal sealed class AliasRecordsRule : AwsRule
{
    private const string CloudFrontZone = "Z2FDTNDATAQYW2";
    private const string Stand = "<token>";

    public override string Id => "route53/alias-records";

    public override string Summary => "An alias record is named exactly as the API Gateway domain or CloudFront alternate domain name it serves (an absolute name, never with the zone appended twice), an alias to CloudFront uses hosted zone Z2FDTNDATAQYW2, and an alias record has no TTL.";

    public override string Source => "Route 53 API reference, AliasTarget (\"Specify Z2FDTNDATAQYW2\"; \"The name of the record that you're creating must match a custom domain name for your API\"; \"omit TTL\"); https://github.com/aws/aws-cdk/issues/16829 and https://github.com/aws/aws-cdk/issues/26572 (a token name gets the zone appended)";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var record in template.OfType("AWS::Route53::RecordSet").Where(r => r.Property("AliasTarget") is not null))
        {
            if (record.Property("TTL") is not null)
            {
                yield return new RuleFinding(record.LogicalId, "it is an alias record with a TTL; Route 53 takes the target's TTL and refuses one here.");
            }

            var name = CfnTemplate.Flatten(record.Property("Name"), Stand);
            var target = template.Target(record.Property("AliasTarget", "DNSName"));
            if (target?.Type == "AWS::ApiGatewayV2::DomainName" && CfnTemplate.Flatten(target.Property("DomainName"), Stand) is { } domain && name is not null
                && !string.Equals(name.TrimEnd('.'), domain.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            {
                yield return new RuleFinding(record.LogicalId, $"it is named '{name}' but aliases the API domain '{domain}': the zone was appended to the name (give the record an absolute name ending with '.').");
            }

            if (target?.Type != "AWS::CloudFront::Distribution")
            {
                continue;
            }

            if (!IsCloudFrontZone(template, record.Property("AliasTarget", "HostedZoneId")))
            {
                yield return new RuleFinding(record.LogicalId, $"it aliases a CloudFront distribution with hosted zone {record.Property("AliasTarget", "HostedZoneId")?.ToJsonString()}; CloudFront aliases use {CloudFrontZone}.");
            }

            var aliases = CfnTemplate.Texts(target.Property("DistributionConfig", "Aliases"));
            if (CfnTemplate.Text(record.Property("Name")) is { } literal && aliases.Count > 0 && !aliases.Contains(literal.TrimEnd('.'), StringComparer.OrdinalIgnoreCase))
            {
                yield return new RuleFinding(record.LogicalId, $"it is named '{literal}', which is not one of {target.LogicalId}'s alternate domain names ({string.Join(", ", aliases)}).");
            }
        }
    }

    // aws-cdk-lib writes the zone as Fn::FindInMap into a partition mapping rather than the literal.
    private static bool IsCloudFrontZone(CfnTemplate template, JsonNode? zone)
    {
        if (CfnTemplate.Text(zone) is { } literal)
        {
            return literal == CloudFrontZone;
        }

        if (zone?["Fn::FindInMap"] is JsonArray find && CfnTemplate.Text(find[0]) is { } mapping)
        {
            return CfnTemplate.Text(template.Root["Mappings"]?[mapping]?["aws"]?[CfnTemplate.Text(find[2]) ?? string.Empty]) == CloudFrontZone;
        }

        return true;
    }
}
