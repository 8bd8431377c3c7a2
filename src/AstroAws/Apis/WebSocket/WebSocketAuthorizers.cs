using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;

namespace Astro.Aws.Apis.WebSocket;

/// <summary>Turns the WebSocket API's one authorizer into a CDK authorizer for <c>$connect</c>, refusing the kinds WebSocket APIs lack.</summary>
internal static class WebSocketAuthorizers
{
    public const string None = "none";
    public const string Iam = "iam";

    private static readonly string[] IdentitySourcePrefixes = ["route.request.header.", "route.request.querystring.", "stageVariables.", "context."];

    public static IWebSocketRouteAuthorizer? Create(ApiAuthorizer? authorizer, string propsType)
    {
        var propName = $"{propsType}.Authorizer";
        const string Instead =
            "WebSocket APIs take only Lambda and IAM authorizers: verify the token in a Lambda authorizer, Authorizer = ApiAuthorizer.Lambda(fn) with "
            + "IdentitySource = [\"route.request.querystring.token\"] (browsers cannot set headers on a WebSocket), e.g. with the aws-jwt-verify package";
        return authorizer switch
        {
            null => null,
            ApiIamAuthorizer => new WebSocketIamAuthorizer(),
            ApiLambdaAuthorizer lambda => CreateLambda(lambda, propName),
            ApiCdkWebSocketAuthorizer cdk => cdk.Authorizer,
            ApiCdkHttpAuthorizer cdk => throw new ArgumentException(
                $"{propName}: received the HTTP API authorizer {cdk.Authorizer.GetType().Name}, but this is a WebSocket API. Pass a WebSocket one (WebSocketLambdaAuthorizer, WebSocketIamAuthorizer) to ApiAuthorizer.FromCdk.",
                propName),
            ApiJwtAuthorizer jwt => throw new ArgumentException($"{propName}: received a JWT authorizer (issuer '{jwt.Issuer}'). {Instead}.", propName),
            ApiUserPoolAuthorizer => throw new ArgumentException($"{propName}: received a Cognito user pool authorizer. {Instead} (CognitoJwtVerifier).", propName),
            _ => throw new ArgumentException($"{propName}: unsupported authorizer {authorizer.GetType().Name}. Use ApiAuthorizer.Lambda(fn) or ApiAuthorizer.Iam().", propName),
        };
    }

    private static WebSocketLambdaAuthorizer CreateLambda(ApiLambdaAuthorizer lambda, string propName)
    {
        if (lambda.ResultsCacheTtl is not null)
        {
            throw new ArgumentException(
                $"{propName}.ResultsCacheTtl: received {lambda.ResultsCacheTtl.ToSeconds()} seconds, but WebSocket authorizers run once per connection and are not cached. Remove ResultsCacheTtl.",
                $"{propName}.ResultsCacheTtl");
        }

        foreach (var source in lambda.IdentitySource ?? [])
        {
            if (!IdentitySourcePrefixes.Any(prefix => source.StartsWith(prefix, StringComparison.Ordinal) && source.Length > prefix.Length))
            {
                var hint = source.StartsWith("$request.", StringComparison.Ordinal) ? "route.request." + source["$request.".Length..] : "route.request.querystring.token";
                throw new ArgumentException(
                    $"{propName}.IdentitySource: received '{source}'. WebSocket identity sources start with route.request.header., route.request.querystring., stageVariables. or context.; use e.g. \"{hint}\".",
                    $"{propName}.IdentitySource");
            }
        }

        return new WebSocketLambdaAuthorizer("Authorizer", lambda.Function, new WebSocketLambdaAuthorizerProps
        {
            IdentitySource = lambda.IdentitySource is null ? null : [.. lambda.IdentitySource],
        });
    }
}
