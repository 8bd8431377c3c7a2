using System.Text.RegularExpressions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Docs;

/// <summary>
/// The log bucket docs/hardening.md shows is the one of samples/AstroAws.Sample/HardenedSiteStack.cs, whose template the
/// security gate checks in the README's test command: so the page's bucket passes the gate as it stands.
/// </summary>
public sealed partial class HardeningPageTests
{
    [Fact]
    public void The_pages_log_bucket_is_the_gate_checked_samples()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "hardening.md"));
        var sample = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples", "AstroAws.Sample", "HardenedSiteStack.cs"));

        var bucket = LogBucket().Match(page);

        bucket.Success.Should().BeTrue("the page shows `var logs = new Bucket(this, \"AccessLogs\", ...)`");
        Code(sample).Should().Contain(Code(bucket.Value), "the page's bucket must be the sample's, which the gate checks");
        bucket.Value.Should().Contain("EnforceSSL = true").And.Contain("BlockPublicAccess.BLOCK_ALL");
    }

    // The code with comments and whitespace removed.
    private static string Code(string text) => Whitespace().Replace(Comment().Replace(text, string.Empty), string.Empty);

    [GeneratedRegex(@"var logs = new Bucket\(this, ""AccessLogs"", new BucketProps\s*\{.*?\}\);", RegexOptions.Singleline)]
    private static partial Regex LogBucket();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
