using System.Text.RegularExpressions;

namespace Astro.Aws.Rules.S3;

/// <summary>Bucket names S3 accepts.</summary>
internal sealed partial class BucketNameRule : AwsRule
{
    public override string Id => "s3/bucket-name";

    public override string Summary => "A bucket name is 3-63 characters of lower-case letters, digits, '.' and '-', begins and ends with a letter or digit, has no '..', is not an IP address, and avoids the reserved prefixes xn--, sthree-, amzn-s3-demo- and suffixes -s3alias, --ol-s3, .mrap, --x-s3.";

    public override string Source => "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (\"Bucket names must be between 3 (min) and 63 (max) characters long\"; \"can consist only of lowercase letters, numbers, dots (.), and hyphens (-)\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template) =>
        from bucket in template.OfType("AWS::S3::Bucket")
        let name = CfnTemplate.Text(bucket.Property("BucketName"))
        where name is not null && !Valid(name)
        select new RuleFinding(bucket.LogicalId, $"its name '{name}' breaks S3's bucket naming rules.");

    private static bool Valid(string name) =>
        Shape().IsMatch(name)
        && !name.Contains("..", StringComparison.Ordinal)
        && !IpAddress().IsMatch(name)
        && !new[] { "xn--", "sthree-", "amzn-s3-demo-" }.Any(name.StartsWith)
        && !new[] { "-s3alias", "--ol-s3", ".mrap", "--x-s3" }.Any(name.EndsWith);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex IpAddress();
}
