using Amazon.CDK.Assertions;

namespace Astro.Aws.Tests.Support;

internal static class MatchExtensions
{
    public static Matcher ToObjectLike(this Dictionary<string, object> pattern) => Match.ObjectLike(pattern);
}
