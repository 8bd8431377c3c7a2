namespace Astro.Aws.Rules.CloudFront;

/// <summary>
/// An always-signing Origin Access Control replaces the viewer's Authorization header, so a server behind one only
/// sees a bearer token if the viewer-request function carries it in another header.
/// </summary>
internal sealed class OacAuthorizationRule : AwsRule
{
    private const string Carrier = Routing.RequestFunctionCode.ForwardedAuthorizationHeader;

    public override string Id => "cloudfront/oac-overwrites-authorization";

    public override string Summary => "An Origin Access Control with SigningBehavior always overwrites the viewer's Authorization header on every origin request, so a behavior onto a function URL signed that way carries the viewer's value in x-forwarded-authorization (its viewer-request function copies it).";

    public override string Source => "CloudFront API reference, OriginAccessControlConfig.SigningBehavior (\"always - CloudFront signs all origin requests, overwriting the Authorization header from the viewer request if one exists\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var behavior in Distributions.Behaviors(template))
        {
            if (Distributions.Origin(behavior.Distribution, behavior.TargetOriginId) is not { } origin
                || Distributions.FunctionUrlOf(template, origin) is null
                || CfnTemplate.Text(Distributions.AccessControlOf(template, origin)?.Property("OriginAccessControlConfig", "SigningBehavior")) != "always")
            {
                continue;
            }

            var code = Distributions.ViewerRequestFunction(template, behavior) is { } function ? Distributions.Code(function) : null;
            if (code is null || !code.Contains($"headers['{Carrier}'] = {{ value: request.headers.authorization.value }}", StringComparison.Ordinal))
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} reaches a function URL through an always-signing OAC, but no viewer-request function copies the viewer's Authorization into {Carrier}: bearer tokens never reach the app.");
            }
        }
    }
}
