using Amazon.CDK.Assertions;
using Xunit;

namespace MySite.Tests;

/// <summary>What the synthesized template deploys, asserted on the CloudFormation itself.</summary>
public sealed class SiteStackTests(SynthesizedSite site) : IClassFixture<SynthesizedSite>
{
    [Fact]
    public void Viewers_are_redirected_to_https()
    {
        site.Template.HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DefaultCacheBehavior"] = Match.ObjectLike(new Dictionary<string, object> { ["ViewerProtocolPolicy"] = "redirect-to-https" }),
            }),
        }));
    }

    [Fact]
    public void The_bucket_is_private()
    {
        site.Template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
        }));
    }
#if (static)

    [Fact]
    public void There_is_no_server_and_missing_pages_get_the_404_page()
    {
        site.Template.ResourceCountIs("AWS::Lambda::Url", 0);
        site.Template.HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["CustomErrorResponses"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object> { ["ErrorCode"] = 404, ["ResponseCode"] = 404, ["ResponsePagePath"] = "/404.html" }),
                }),
            }),
        }));
    }
#elif (edge)

    [Fact]
    public void The_server_renders_in_lambda_at_edge_with_the_request_body()
    {
        site.Template.ResourceCountIs("AWS::Lambda::Url", 0);
        site.Template.HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DefaultCacheBehavior"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["LambdaFunctionAssociations"] = Match.ArrayWith(new object[]
                    {
                        Match.ObjectLike(new Dictionary<string, object> { ["EventType"] = "origin-request", ["IncludeBody"] = true }),
                    }),
                }),
            }),
        }));
    }
#else

    [Fact]
    public void The_server_is_a_lambda_behind_a_function_url()
    {
        site.Template.HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new Dictionary<string, object>
        {
#if (mode == "ssr-stream")
            ["InvokeMode"] = "RESPONSE_STREAM",
#else
            ["InvokeMode"] = "BUFFERED",
#endif
        }));
    }
#endif
#if (api)

    [Fact]
    public void The_http_api_routes_get_hello_to_its_function()
    {
        site.Template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        site.Template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /hello" }));
    }
#endif
}
