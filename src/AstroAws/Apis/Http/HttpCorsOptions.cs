using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;

namespace Astro.Aws.Apis.Http;

/// <summary>Checks <see cref="ApiCors"/> and turns it into CDK's preflight options.</summary>
internal static class HttpCorsOptions
{
    private const string PropsName = "AstroHttpApiProps.Cors";

    public static CorsPreflightOptions? From(ApiCors? cors, string propName = PropsName)
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
                    $"{propName}.AllowOrigins: '{origin}' is not an origin. An origin is a scheme and a host (and port), with no path: e.g. \"https://www.example.com\".",
                    $"{propName}.AllowOrigins");
            }
        }

        if (settings.AllowCredentials && settings.AllowOrigins.Contains("*"))
        {
            throw new ArgumentException(
                $"{propName}: AllowCredentials is true with AllowOrigins \"*\", which API Gateway rejects (browsers never send credentials to a wildcard origin). "
                + "List the origins that may send credentials, e.g. AllowOrigins = [\"https://www.example.com\"].",
                propName);
        }

        return new CorsPreflightOptions
        {
            AllowOrigins = [.. settings.AllowOrigins],
            AllowMethods = [.. settings.AllowMethods.Select(m => Method(m, propName))],
            AllowHeaders = [.. settings.AllowHeaders],
            ExposeHeaders = settings.ExposeHeaders is null ? null : [.. settings.ExposeHeaders],
            AllowCredentials = settings.AllowCredentials,
            MaxAge = settings.MaxAge,
        };
    }

    /// <summary>
    /// The CloudFormation CORS configuration of <paramref name="cors"/> (checked as <see cref="From"/> checks it), as
    /// CDK's HttpApi writes it from preflight options; null when CORS is off.
    /// </summary>
    public static CfnApi.CorsProperty? Cfn(ApiCors cors, string propName)
    {
        if (From(cors, propName) is null)
        {
            return null;
        }

        return new CfnApi.CorsProperty
        {
            AllowOrigins = [.. cors.AllowOrigins],
            AllowMethods = [.. cors.AllowMethods.Select(m => m.ToUpperInvariant() is "ANY" or "*" ? "*" : m.ToUpperInvariant())],
            AllowHeaders = [.. cors.AllowHeaders],
            ExposeHeaders = cors.ExposeHeaders is null ? null : [.. cors.ExposeHeaders],
            AllowCredentials = cors.AllowCredentials,
            MaxAge = cors.MaxAge?.ToSeconds(),
        };
    }

    private static CorsHttpMethod Method(string method, string propName) => method.ToUpperInvariant() switch
    {
        "ANY" or "*" => CorsHttpMethod.ANY,
        "GET" => CorsHttpMethod.GET,
        "POST" => CorsHttpMethod.POST,
        "PUT" => CorsHttpMethod.PUT,
        "PATCH" => CorsHttpMethod.PATCH,
        "DELETE" => CorsHttpMethod.DELETE,
        "HEAD" => CorsHttpMethod.HEAD,
        "OPTIONS" => CorsHttpMethod.OPTIONS,
        _ => throw new ArgumentException($"{propName}.AllowMethods: '{method}' is not an HTTP method. Use ANY, GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.", $"{propName}.AllowMethods"),
    };
}
