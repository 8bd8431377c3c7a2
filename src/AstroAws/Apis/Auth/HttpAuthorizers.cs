using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;

namespace Astro.Aws.Apis.Auth;

/// <summary>Turns the API's named authorizers into CDK authorizers, once each, and resolves a route's choice.</summary>
internal sealed class HttpAuthorizers
{
    public const string None = "none";
    public const string Iam = "iam";

    private readonly Dictionary<string, IHttpRouteAuthorizer> byName = new(StringComparer.Ordinal);

    public HttpAuthorizers(IReadOnlyDictionary<string, ApiAuthorizer>? authorizers)
    {
        foreach (var (name, authorizer) in authorizers ?? new Dictionary<string, ApiAuthorizer>())
        {
            var propName = $"AstroHttpApiProps.Authorizers[\"{name}\"]";
            if (name is None or Iam || string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"{propName}: '{name}' is reserved or empty. Name your authorizer otherwise (e.g. \"pool\"); \"none\" and \"iam\" need no entry.", propName);
            }

            byName[name] = Create(name, authorizer, propName);
        }
    }

    /// <summary>
    /// Whether routes may require scopes of the authorizer: API Gateway checks scopes against JWT claims only, so the
    /// kinds that carry none (IAM, Lambda, none) are refused; a ready-made CDK authorizer of an unknown kind (an
    /// imported one) is trusted (rule <c>apigateway/authorizer</c>).
    /// </summary>
    public static bool TakesScopes(IHttpRouteAuthorizer? authorizer) =>
        authorizer is not (null or HttpIamAuthorizer or HttpLambdaAuthorizer or HttpNoneAuthorizer);

    /// <summary>The authorizer for a route, or null for none.</summary>
    public IHttpRouteAuthorizer? Resolve(string? name, string propName) => name switch
    {
        null or None => null,
        Iam => new HttpIamAuthorizer(),
        _ when byName.TryGetValue(name, out var authorizer) => authorizer,
        _ => throw new ArgumentException(
            $"{propName}: authorizer '{name}' is not defined. Use \"none\", \"iam\", or one of the names in AstroHttpApiProps.Authorizers ({(byName.Count == 0 ? "none defined" : string.Join(", ", byName.Keys))}).",
            propName),
    };

    private static IHttpRouteAuthorizer Create(string name, ApiAuthorizer authorizer, string propName) => authorizer switch
    {
        ApiJwtAuthorizer jwt => CreateJwt(name, jwt, propName),
        ApiUserPoolAuthorizer pool when pool.Clients.Count == 0 => throw new ArgumentException($"{propName}: a user pool authorizer needs at least one app client. Pass the UserPoolClient your app signs in with.", propName),
        ApiUserPoolAuthorizer pool => new HttpUserPoolAuthorizer(name, pool.Pool, new HttpUserPoolAuthorizerProps
        {
            UserPoolClients = [.. pool.Clients],
            UserPoolRegion = pool.Region,
        }),
        ApiLambdaAuthorizer lambda => new HttpLambdaAuthorizer(name, lambda.Function, new HttpLambdaAuthorizerProps
        {
            ResponseTypes = [lambda.ResponseType == ApiLambdaAuthorizerResponse.Simple ? HttpLambdaResponseType.SIMPLE : HttpLambdaResponseType.IAM],
            IdentitySource = lambda.IdentitySource is null ? null : [.. lambda.IdentitySource],
            ResultsCacheTtl = CacheTtl(lambda.ResultsCacheTtl, propName),
        }),
        ApiIamAuthorizer => new HttpIamAuthorizer(),
        ApiCdkHttpAuthorizer cdk => cdk.Authorizer,
        ApiCdkWebSocketAuthorizer cdk => throw new ArgumentException(
            $"{propName}: received the WebSocket authorizer {cdk.Authorizer.GetType().Name}, but this is an HTTP API. Pass an HTTP one (HttpJwtAuthorizer, HttpUserPoolAuthorizer, HttpLambdaAuthorizer, HttpAuthorizer.FromHttpAuthorizerAttributes) to ApiAuthorizer.FromCdk.",
            propName),
        _ => throw new ArgumentException($"{propName}: unsupported authorizer {authorizer.GetType().Name}.", propName),
    };

    /// <summary>API Gateway caches authorizer results for 0 to 3600 seconds (rule apigateway/authorizer).</summary>
    private static Duration CacheTtl(Duration? ttl, string propName)
    {
        if (ttl is not null && !Token.IsUnresolved(ttl.ToString()) && ttl.ToSeconds() > 3600)
        {
            throw new ArgumentException(
                $"{propName}.ResultsCacheTtl: received {ttl.ToSeconds()} seconds, but API Gateway caches authorizer results for at most 3600 (one hour). Use Duration.Hours(1) or less, or leave it unset (no caching).",
                $"{propName}.ResultsCacheTtl");
        }

        return ttl ?? Duration.Seconds(0);
    }

    private static HttpJwtAuthorizer CreateJwt(string name, ApiJwtAuthorizer jwt, string propName)
    {
        if (!Token.IsUnresolved(jwt.Issuer) && !jwt.Issuer.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{propName}: the JWT issuer '{jwt.Issuer}' must be an https URL, e.g. \"https://myorg.us.auth0.com\".", propName);
        }

        if (jwt.Audience.Count == 0)
        {
            throw new ArgumentException($"{propName}: a JWT authorizer needs at least one audience (your app's client ID at the issuer).", propName);
        }

        return new HttpJwtAuthorizer(name, jwt.Issuer, new HttpJwtAuthorizerProps
        {
            JwtAudience = [.. jwt.Audience],
            IdentitySource = jwt.IdentitySource is null ? null : [.. jwt.IdentitySource],
        });
    }
}
