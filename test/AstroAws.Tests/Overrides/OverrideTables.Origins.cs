using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using static Astro.Aws.Tests.Overrides.OverrideCase;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Overrides;

internal static partial class OverrideTables
{
    /// <summary>AstroAwsCdkProps.S3Origin (IS3BucketOriginWithOACProps): lands on the distribution's S3 origin.</summary>
    public static OverrideCase[] S3Origin() =>
    [
        Template("OriginAccessControl", stack => S3OriginProps(new S3BucketOriginWithOACProps { OriginAccessControl = new S3OriginAccessControl(stack, "UserOac", new S3OriginAccessControlProps { OriginAccessControlName = "enum-oac-eu-west-1", Signing = Signing.SIGV4_NO_OVERRIDE }) }),
            t => t.S3Origin(new J { ["OriginAccessControlId"] = t.GetAtt("UserOac", "Id") })),

        // The default is READ only (s3:GetObject); WRITE adds s3:PutObject to the bucket policy.
        Template("OriginAccessLevels", _ => S3OriginProps(new S3BucketOriginWithOACProps { OriginAccessLevels = [AccessLevel.READ, AccessLevel.WRITE] }),
            t => t.Has("AWS::S3::BucketPolicy", new J { ["PolicyDocument"] = new J { ["Statement"] = Match.ArrayWith([Match.ObjectLike(new J { ["Action"] = Match.ArrayWith(["s3:PutObject"]) })]) } })),

        Template("OriginPath", _ => S3OriginProps(new S3BucketOriginWithOACProps { OriginPath = "/site" }),
            t => t.S3Origin(new J { ["OriginPath"] = "/site" })),

        Template("ConnectionAttempts", _ => S3OriginProps(new S3BucketOriginWithOACProps { ConnectionAttempts = 2 }),
            t => t.S3Origin(new J { ["ConnectionAttempts"] = 2 })),

        Template("ConnectionTimeout", _ => S3OriginProps(new S3BucketOriginWithOACProps { ConnectionTimeout = Duration.Seconds(5) }),
            t => t.S3Origin(new J { ["ConnectionTimeout"] = 5 })),

        Template("CustomHeaders", _ => S3OriginProps(new S3BucketOriginWithOACProps { CustomHeaders = new Dictionary<string, string> { ["x-enum-origin"] = "s3" } }),
            t => t.S3Origin(new J { ["OriginCustomHeaders"] = new object[] { new J { ["HeaderName"] = "x-enum-origin", ["HeaderValue"] = "s3" } } })),

        // aws-cdk-lib 2.160 never renders OriginProps.OriginAccessControlId (and S3BucketOrigin replaces it with its own OAC), so
        // no template can show it; AstroAws refuses it rather than drop it. This is OUR error, not CDK's.
        Error("OriginAccessControlId", _ => S3OriginProps(new S3BucketOriginWithOACProps { OriginAccessControlId = "E2ENUMOAC" }),
            "AstroAwsCdkProps.S3Origin.OriginAccessControlId: received 'E2ENUMOAC', but aws-cdk-lib 2.160 ignores OriginAccessControlId on origins"),

        Template("OriginId", _ => S3OriginProps(new S3BucketOriginWithOACProps { OriginId = "site-files" }),
            t => t.S3Origin(new J { ["Id"] = "site-files" })),

        Template("OriginShieldEnabled", _ => S3OriginProps(new S3BucketOriginWithOACProps { OriginShieldEnabled = false }),
            t => t.S3Origin(new J { ["OriginShield"] = new J { ["Enabled"] = false } })),

        Template("OriginShieldRegion", _ => S3OriginProps(new S3BucketOriginWithOACProps { OriginShieldRegion = "eu-west-1" }),
            t => t.S3Origin(new J { ["OriginShield"] = new J { ["Enabled"] = true, ["OriginShieldRegion"] = "eu-west-1" } })),
    ];

    /// <summary>AstroAwsCdkProps.LambdaFunctionUrl (IFunctionUrlOptions). Our defaults: auth NONE, BUFFERED (ssr).</summary>
    public static OverrideCase[] FunctionUrl() =>
    [
        // AstroAwsProps.FunctionUrlProtection owns the auth type: AWS_IAM without it would make CloudFront's unsigned requests
        // fail, so AstroAws refuses it (FunctionUrlProtectionTests shows AWS_IAM reaching the template under OriginAccessControl).
        Error("AuthType", _ => LambdaFunctionUrl(new FunctionUrlOptions { AuthType = FunctionUrlAuthType.AWS_IAM }),
            "AstroAwsCdkProps.LambdaFunctionUrl.AuthType: received AWS_IAM, but AstroAwsProps.FunctionUrlProtection is None"),

        Template("Cors", _ => LambdaFunctionUrl(new FunctionUrlOptions { Cors = new FunctionUrlCorsOptions { AllowedOrigins = ["https://enum.example.com"] } }),
            t => t.Has("AWS::Lambda::Url", new J { ["Cors"] = new J { ["AllowOrigins"] = new[] { "https://enum.example.com" } } })),

        Template("InvokeMode", _ => LambdaFunctionUrl(new FunctionUrlOptions { InvokeMode = InvokeMode.RESPONSE_STREAM }),
            t => t.Has("AWS::Lambda::Url", new J { ["InvokeMode"] = "RESPONSE_STREAM" })),
    ];

    /// <summary>AstroAwsCdkProps.LambdaFunctionOrigin (IFunctionUrlOriginProps): lands on the function URL origin. Our default: ReadTimeout 30 s.</summary>
    public static OverrideCase[] FunctionOrigin() =>
    [
        Template("KeepaliveTimeout", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { KeepaliveTimeout = Duration.Seconds(10) }),
            t => t.ServerOrigin(new J { ["CustomOriginConfig"] = new J { ["OriginKeepaliveTimeout"] = 10 } })),

        // Above our 30 s (and above our 25 s function timeout, which must stay below it).
        Template("ReadTimeout", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { ReadTimeout = Duration.Seconds(45) }),
            t => t.ServerOrigin(new J { ["CustomOriginConfig"] = new J { ["OriginReadTimeout"] = 45 } })),

        Template("OriginPath", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { OriginPath = "/render" }),
            t => t.ServerOrigin(new J { ["OriginPath"] = "/render" })),

        Template("ConnectionAttempts", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { ConnectionAttempts = 1 }),
            t => t.ServerOrigin(new J { ["ConnectionAttempts"] = 1 })),

        Template("ConnectionTimeout", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { ConnectionTimeout = Duration.Seconds(3) }),
            t => t.ServerOrigin(new J { ["ConnectionTimeout"] = 3 })),

        Template("CustomHeaders", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { CustomHeaders = new Dictionary<string, string> { ["x-enum-origin"] = "server" } }),
            t => t.ServerOrigin(new J { ["OriginCustomHeaders"] = new object[] { new J { ["HeaderName"] = "x-enum-origin", ["HeaderValue"] = "server" } } })),

        // As on the S3 origin: aws-cdk-lib 2.160 drops the value, so AstroAws refuses it (OUR error, not CDK's).
        Error("OriginAccessControlId", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { OriginAccessControlId = "E2ENUMOAC" }),
            "AstroAwsCdkProps.LambdaFunctionOrigin.OriginAccessControlId: received 'E2ENUMOAC', but aws-cdk-lib 2.160 ignores OriginAccessControlId on origins"),

        Template("OriginId", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { OriginId = "server" }),
            t => t.ServerOrigin(new J { ["Id"] = "server" })),

        Template("OriginShieldEnabled", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { OriginShieldEnabled = false }),
            t => t.ServerOrigin(new J { ["OriginShield"] = new J { ["Enabled"] = false } })),

        Template("OriginShieldRegion", _ => LambdaFunctionOrigin(new FunctionUrlOriginProps { OriginShieldRegion = "eu-west-1" }),
            t => t.ServerOrigin(new J { ["OriginShield"] = new J { ["Enabled"] = true, ["OriginShieldRegion"] = "eu-west-1" } })),
    ];

    private static AstroAwsCdkProps S3OriginProps(IS3BucketOriginWithOACProps props) => new() { S3Origin = props };

    private static AstroAwsCdkProps LambdaFunctionUrl(IFunctionUrlOptions options) => new() { LambdaFunctionUrl = options };

    private static AstroAwsCdkProps LambdaFunctionOrigin(IFunctionUrlOriginProps props) => new() { LambdaFunctionOrigin = props };
}
