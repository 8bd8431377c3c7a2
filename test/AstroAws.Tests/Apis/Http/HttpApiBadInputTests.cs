using Amazon.CDK.AWS.Cognito;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Http;

/// <summary>Every refusal of <see cref="AstroHttpApi"/>: the message names the prop, shows what was received and says what to do.</summary>
public class HttpApiBadInputTests
{
    private static readonly Dictionary<string, ApiRoute> OneRoute = new() { ["GET /"] = "src/list.main" };

    public static TheoryData<string, string[]> BadRouteKeys => new()
    {
        { "GETT /x", ["Routes[\"GETT /x\"]", "'GETT'", "Did you mean \"GET /x\"?"] },
        { "FETCH /x", ["Routes[\"FETCH /x\"]", "'FETCH'", "Use one of ANY, GET"] },
        { "$defualt", ["Routes[\"$defualt\"]", "starts with '$'", "Did you mean \"$default\"?"] },
        { "GET /notes/:id", ["Routes[\"GET /notes/:id\"]", "':id'", "Express style", "\"GET /notes/{id}\""] },
        { "GET /users/:user/posts/:post", ["Express style", "\"GET /users/{user}/posts/{post}\""] },
        { "GET notes", ["Routes[\"GET notes\"]", "start with '/'", "\"GET /notes\""] },
        { "", ["Routes[\"\"]", "empty", "$default"] },
        { "GET /{proxy+}/x", ["greedy parameter '{proxy+}'", "last segment"] },
    };

    [Theory]
    [MemberData(nameof(BadRouteKeys))]
    public void Bad_route_keys(string key, string[] fragments) =>
        Refused(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { [key] = "src/list.main" } }, fragments);

    [Fact]
    public void Duplicate_routes_that_differ_only_in_parameter_names() =>
        Refused(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /notes/{id}"] = "src/get.main", ["get /notes/{noteId}"] = "src/get.main" },
        }, "'GET /notes/{noteId}' is the same route as 'GET /notes/{id}'", "Keep one");

    [Fact]
    public void The_same_route_twice_in_another_letter_case() =>
        Refused(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /notes"] = "src/list.main", ["get /notes"] = "src/list.main" },
        }, "Routes[\"get /notes\"]", "'get /notes' is the route 'GET /notes', which already exists", "Keep one of them");

    [Theory]
    [InlineData("3.0")]
    [InlineData("2")]
    public void A_payload_format_version_api_gateway_does_not_have(string version) =>
        Refused(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = ApiRoute.FromHandler("src/list.main") with { PayloadFormatVersion = Amazon.CDK.AWS.Apigatewayv2.PayloadFormatVersion.Custom(version) } },
        }, "Routes[\"GET /x\"].PayloadFormatVersion", $"received '{version}'", "only 1.0 and 2.0", "VERSION_2_0");

    [Fact]
    public void A_payload_format_version_on_a_url_route() =>
        Refused(_ => new AstroHttpApiProps
        {
            Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = ApiRoute.FromUrl("https://example.com/x") with { PayloadFormatVersion = Amazon.CDK.AWS.Apigatewayv2.PayloadFormatVersion.VERSION_1_0 } },
        }, "Routes[\"GET /x\"].PayloadFormatVersion", "received 1.0 on a Url route", "Remove PayloadFormatVersion");

    [Fact]
    public void A_handler_whose_file_is_missing() =>
        Refused(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = "src/missing.main" } },
            "Routes[\"GET /x\"]", "src/missing.mjs, .js or .cjs", ApiStacks.CodeRoot, "CodeRoot");

    [Fact]
    public void A_function_timeout_beyond_the_integration_timeout() =>
        Refused(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = ApiRoute.FromHandler("src/list.main") with { FunctionProps = new ApiFunctionProps { Timeout = Amazon.CDK.Duration.Seconds(60) } } },
        }, "Routes[\"GET /x\"].Timeout", "60 s", "at most 30 s", "integration timeout");

    [Fact]
    public void Function_memory_out_of_range() =>
        Refused(_ => new AstroHttpApiProps
        {
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = ApiStacks.CodeRoot, MemorySize = 64 } },
            Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = "src/list.main" },
        }, "MemorySize", "64", "128 to 10240");

    [Fact]
    public void A_null_route_value() =>
        Refused(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = null! } }, "Routes[\"GET /x\"]", "no value", "src/list.main");

    [Theory]
    [InlineData("example.com/x")]
    [InlineData("ftp://example.com")]
    public void A_url_route_that_is_not_an_absolute_http_url(string url) =>
        Refused(_ => new AstroHttpApiProps { Routes = new Dictionary<string, ApiRoute> { ["ANY /x"] = ApiRoute.FromUrl(url) } }, url, "absolute http(s) URL", "https://");

    [Fact]
    public void An_unknown_authorizer_name() =>
        Refused(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["pool"] = ApiAuthorizer.Jwt("https://issuer.example.com", "aud") },
            Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = ApiRoute.FromHandler("src/list.main") with { Authorizer = "pol" } },
        }, "authorizer 'pol' is not defined", "\"none\", \"iam\"", "pool");

    [Theory]
    [InlineData("iam")]
    [InlineData("none")]
    public void A_reserved_authorizer_name(string name) =>
        Refused(_ => new AstroHttpApiProps { Authorizers = new Dictionary<string, ApiAuthorizer> { [name] = ApiAuthorizer.Iam() } }, $"Authorizers[\"{name}\"]", "reserved", "need no entry");

    [Fact]
    public void A_jwt_issuer_that_is_not_https() =>
        Refused(_ => new AstroHttpApiProps { Authorizers = new Dictionary<string, ApiAuthorizer> { ["a"] = ApiAuthorizer.Jwt("myorg.auth0.com", "aud") } }, "Authorizers[\"a\"]", "myorg.auth0.com", "https URL");

    [Fact]
    public void A_lambda_authorizer_cache_over_an_hour() =>
        Refused(stack => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["custom"] = new ApiLambdaAuthorizer(Apis.WebSocket.WsStacks.OwnFunction(stack, "Auth")) { ResultsCacheTtl = Amazon.CDK.Duration.Hours(2) } },
        }, "Authorizers[\"custom\"].ResultsCacheTtl", "received 7200 seconds", "at most 3600");

    [Fact]
    public void A_jwt_authorizer_without_audience() =>
        Refused(_ => new AstroHttpApiProps { Authorizers = new Dictionary<string, ApiAuthorizer> { ["a"] = ApiAuthorizer.Jwt("https://issuer.example.com") } }, "Authorizers[\"a\"]", "at least one audience");

    [Fact]
    public void A_user_pool_authorizer_without_clients() =>
        Refused(scope => new AstroHttpApiProps { Authorizers = new Dictionary<string, ApiAuthorizer> { ["pool"] = ApiAuthorizer.UserPool(new UserPool(scope, "Pool")) } }, "Authorizers[\"pool\"]", "at least one app client");

    [Fact]
    public void Scopes_without_an_authorizer() =>
        Refused(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = ApiRoute.FromHandler("src/list.main") with { AuthorizationScopes = ["read"] } },
        }, "Routes[\"GET /x\"]", "scopes (read) need a JWT or user pool authorizer", "has none");

    [Fact]
    public void Scopes_on_an_iam_route() =>
        Refused(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = ApiRoute.FromHandler("src/list.main") with { Authorizer = "iam", AuthorizationScopes = ["read"] } },
        }, "Routes[\"GET /x\"]", "scopes (read)", "HttpIamAuthorizer", "JWT or user pool");

    [Fact]
    public void Cors_credentials_with_every_origin() =>
        Refused(_ => new AstroHttpApiProps { Cors = new ApiCors { AllowCredentials = true } }, "AstroHttpApiProps.Cors", "AllowCredentials", "\"*\"", "https://www.example.com");

    [Theory]
    [InlineData("www.example.com")]
    [InlineData("https://www.example.com/app")]
    public void Cors_origin_without_a_scheme_or_with_a_path(string origin) =>
        Refused(_ => new AstroHttpApiProps { Cors = new ApiCors { AllowOrigins = [origin] } }, "Cors.AllowOrigins", origin, "https://www.example.com");

    [Fact]
    public void Cors_method_that_does_not_exist() =>
        Refused(_ => new AstroHttpApiProps { Cors = new ApiCors { AllowMethods = ["FETCH"] } }, "Cors.AllowMethods", "'FETCH'", "GET");

    [Fact]
    public void Custom_domain_string_without_a_hosted_zone() =>
        Refused(_ => new AstroHttpApiProps { CustomDomain = "api.example.com" }, "AstroHttpApiProps.CustomDomain", "api.example.com", "HostedZone", "Certificate");

    [Theory]
    [InlineData("https://api.example.com")]
    [InlineData("api.example.com/v1")]
    [InlineData("localhost")]
    public void Custom_domain_that_is_not_a_host_name(string domain) =>
        Refused(_ => new AstroHttpApiProps { CustomDomain = domain }, "CustomDomain", domain, "no scheme, no path");

    [Fact]
    public void Custom_domain_path_with_slashes() =>
        Refused(scope => new AstroHttpApiProps
        {
            CustomDomain = new ApiDomain { DomainName = "api.example.com", Path = "/v1/", Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(scope, "C", "arn:aws:acm:eu-west-1:123456789012:certificate/x") },
        }, "CustomDomain.Path", "'/v1/'", "\"v1\"");

    [Fact]
    public void Disabled_execute_api_endpoint_without_a_domain() =>
        Refused(_ => new AstroHttpApiProps { DisableExecuteApiEndpoint = true }, "DisableExecuteApiEndpoint", "unreachable", "CustomDomain");

    [Theory]
    [InlineData("my stage")]
    [InlineData("$default")]
    [InlineData("")]
    public void Stage_names_api_gateway_refuses(string name) =>
        Refused(_ => new AstroHttpApiProps { Stages = new Dictionary<string, ApiStageOptions> { [name] = new ApiStageOptions() } }, $"Stages[\"{name}\"]", "not a stage name", "\"beta\"");

    [Fact]
    public void Negative_throttle() =>
        Refused(_ => new AstroHttpApiProps { Defaults = new ApiDefaults { Throttle = new ApiThrottle(-1, 10) } }, "Defaults.Throttle", "rate -1", "new ApiThrottle(100, 200)");

    [Theory]
    [InlineData(ApiProtocol.Rest, "RestApi")]
    [InlineData(ApiProtocol.WebSocket, "AstroWebSocketApi")]
    public void Other_protocols(ApiProtocol protocol, string instead) =>
        Refused(_ => new AstroHttpApiProps { Protocol = protocol }, "AstroHttpApiProps.Protocol", protocol.ToString(), instead);

    [Theory]
    [InlineData(ApiEndpointType.Edge, "CloudFront")]
    [InlineData(ApiEndpointType.Private, "VPC link")]
    public void Edge_and_private_endpoints(ApiEndpointType type, string instead) =>
        Refused(_ => new AstroHttpApiProps { EndpointType = type }, "AstroHttpApiProps.EndpointType", type.ToString(), "regional only", instead);

    private static void Refused(Func<Amazon.CDK.Stack, AstroHttpApiProps> props, params string[] fragments)
    {
        var act = () => ApiStacks.Http(props);
        Refusal.Expect(act, fragments);
    }
}
