using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws;

/// <summary>How a Lambda authorizer answers.</summary>
public enum ApiLambdaAuthorizerResponse
{
    /// <summary><c>{ isAuthorized: true|false, context }</c> (HTTP API payload 2.0).</summary>
    Simple,

    /// <summary>An IAM policy document.</summary>
    Iam,
}

/// <summary>
/// A named authorizer of an API: JWT, Cognito user pool, Lambda, or IAM. Routes refer to it by its name in the
/// API's <c>Authorizers</c>; <c>"none"</c> and <c>"iam"</c> are reserved names that need no entry.
/// </summary>
public abstract record ApiAuthorizer
{
    private protected ApiAuthorizer()
    {
    }

    /// <summary>A third-party JWT issuer (e.g. Auth0). HTTP API only.</summary>
    public static ApiAuthorizer Jwt(string issuer, params string[] audience) => new ApiJwtAuthorizer(issuer, audience);

    /// <summary>Tokens from a Cognito user pool, for the given app clients. HTTP API only.</summary>
    public static ApiAuthorizer UserPool(IUserPool userPool, params IUserPoolClient[] clients) => new ApiUserPoolAuthorizer(userPool, clients);

    /// <summary>A Lambda that decides.</summary>
    public static ApiAuthorizer Lambda(IFunction function) => new ApiLambdaAuthorizer(function);

    /// <summary>IAM (SigV4-signed requests).</summary>
    public static ApiAuthorizer Iam() => new ApiIamAuthorizer();

    /// <summary>
    /// A ready-made CDK authorizer of an HTTP API, used as it is: one you configured yourself (<c>new HttpJwtAuthorizer(...)</c>
    /// with its own identity source) or one that already exists (<c>HttpAuthorizer.FromHttpAuthorizerAttributes(...)</c>).
    /// </summary>
    public static ApiAuthorizer FromCdk(IHttpRouteAuthorizer authorizer)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        return new ApiCdkHttpAuthorizer(authorizer);
    }

    /// <summary>A ready-made CDK authorizer of a WebSocket API (<c>new WebSocketLambdaAuthorizer(...)</c>), used as it is on <c>$connect</c>.</summary>
    public static ApiAuthorizer FromCdk(IWebSocketRouteAuthorizer authorizer)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        return new ApiCdkWebSocketAuthorizer(authorizer);
    }
}

/// <summary>A JWT authorizer.</summary>
/// <param name="Issuer">The token issuer URL, e.g. <c>https://myorg.us.auth0.com</c>.</param>
/// <param name="Audience">Accepted audiences (at least one).</param>
public sealed record ApiJwtAuthorizer(string Issuer, IReadOnlyList<string> Audience) : ApiAuthorizer
{
    /// <summary>Where the token is read.</summary>
    /// <value>Default: <c>$request.header.Authorization</c>.</value>
    public IReadOnlyList<string>? IdentitySource { get; init; }
}

/// <summary>A Cognito user pool authorizer.</summary>
/// <param name="Pool">The user pool.</param>
/// <param name="Clients">App clients whose tokens are accepted (at least one).</param>
public sealed record ApiUserPoolAuthorizer(IUserPool Pool, IReadOnlyList<IUserPoolClient> Clients) : ApiAuthorizer
{
    /// <summary>The pool's region, when it is not the stack's.</summary>
    /// <value>Default: the stack's region.</value>
    public string? Region { get; init; }
}

/// <summary>A Lambda authorizer.</summary>
/// <param name="Function">The function that decides.</param>
public sealed record ApiLambdaAuthorizer(IFunction Function) : ApiAuthorizer
{
    /// <summary>How the function answers (HTTP API).</summary>
    /// <value>Default: <see cref="ApiLambdaAuthorizerResponse.Simple"/>.</value>
    public ApiLambdaAuthorizerResponse ResponseType { get; init; } = ApiLambdaAuthorizerResponse.Simple;

    /// <summary>Request values the decision depends on; a request missing one is refused before the function runs.</summary>
    /// <value>Default: <c>$request.header.Authorization</c> (HTTP API) or <c>route.request.header.Authorization</c> (WebSocket).</value>
    public IReadOnlyList<string>? IdentitySource { get; init; }

    /// <summary>How long API Gateway caches a decision (HTTP API); zero turns caching off.</summary>
    /// <value>Default: zero, as SST: a cached decision can otherwise deny other routes for the same token.</value>
    public Duration? ResultsCacheTtl { get; init; }
}

/// <summary>The IAM authorizer.</summary>
public sealed record ApiIamAuthorizer : ApiAuthorizer;

/// <summary>A CDK authorizer of an HTTP API, used as it is.</summary>
/// <param name="Authorizer">The authorizer.</param>
public sealed record ApiCdkHttpAuthorizer(IHttpRouteAuthorizer Authorizer) : ApiAuthorizer;

/// <summary>A CDK authorizer of a WebSocket API, used as it is.</summary>
/// <param name="Authorizer">The authorizer.</param>
public sealed record ApiCdkWebSocketAuthorizer(IWebSocketRouteAuthorizer Authorizer) : ApiAuthorizer;
