using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;

namespace Astro.Aws.Apis.Http;

/// <summary>Checks <see cref="ApiCors"/> and turns it into CDK's preflight options.</summary>
internal static class HttpCorsOptions
{
    private const string PropName = "AstroHttpApiProps.Cors";

    public static CorsPreflightOptions? From(ApiCors? cors)
    {
        var settings = cors ?? new ApiCors();
        if (!settings.Enabled)
        {
            return null;
        }

        foreach (var origin in settings.AllowOrigins.Where(o => o != "*" && !Token.IsUnresolved(o)))
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http") || uri.AbsolutePath != "/" || origin.EndsWith('/'))
            {
                throw new ArgumentException(
                    $"{PropName}.AllowOrigins: '{origin}' is not an origin. An origin is a scheme and a host (and port), with no path: e.g. \"https://www.example.com\".",
                    $"{PropName}.AllowOrigins");
            }
        }

        if (settings.AllowCredentials && settings.AllowOrigins.Contains("*"))
        {
            throw new ArgumentException(
                $"{PropName}: AllowCredentials is true with AllowOrigins \"*\", which API Gateway rejects (browsers never send credentials to a wildcard origin). "
                + "List the origins that may send credentials, e.g. AllowOrigins = [\"https://www.example.com\"].",
                PropName);
        }

        return new CorsPreflightOptions
        {
            AllowOrigins = [.. settings.AllowOrigins],
            AllowMethods = [.. settings.AllowMethods.Select(Method)],
            AllowHeaders = [.. settings.AllowHeaders],
            ExposeHeaders = settings.ExposeHeaders is null ? null : [.. settings.ExposeHeaders],
            AllowCredentials = settings.AllowCredentials,
            MaxAge = settings.MaxAge,
        };
    }

    private static CorsHttpMethod Method(string method) => method.ToUpperInvariant() switch
    {
        "ANY" or "*" => CorsHttpMethod.ANY,
        "GET" => CorsHttpMethod.GET,
        "POST" => CorsHttpMethod.POST,
        "PUT" => CorsHttpMethod.PUT,
        "PATCH" => CorsHttpMethod.PATCH,
        "DELETE" => CorsHttpMethod.DELETE,
        "HEAD" => CorsHttpMethod.HEAD,
        "OPTIONS" => CorsHttpMethod.OPTIONS,
        _ => throw new ArgumentException($"{PropName}.AllowMethods: '{method}' is not an HTTP method. Use ANY, GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.", $"{PropName}.AllowMethods"),
    };
}
