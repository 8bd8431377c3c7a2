using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Astro.Aws.Routing;

/// <summary>
/// Writes the viewer-request CloudFront Function (JavaScript runtime 2.0). It decides, per request, which origin
/// answers: a GET or HEAD for a file of the build goes to S3 (with <c>/x</c> and <c>/x/</c> resolved to
/// <c>/x/index.html</c> and <c>/x.html</c>); everything else goes to the behavior's own origin. It
/// always overwrites <c>x-forwarded-host</c> with the viewer's Host, so Astro sees the public host and its origin check
/// accepts same-site form posts; a client-sent value is never trusted.
/// </summary>
internal static class RequestFunctionCode
{
    /// <summary>CloudFront Functions refuse code larger than this many bytes.</summary>
    public const int MaxCodeBytes = 10_240;

    /// <summary>The token in the code that stands for the bucket's regional domain name.</summary>
    public const string BucketDomainPlaceholder = "__ASTRO_AWS_BUCKET_DOMAIN__";

    /// <summary>
    /// A static site needs no table: every request goes to S3 anyway, so a page path is mapped to its file by shape
    /// (<c>/x/</c> and extensionless <c>/x</c> to <c>/x/index.html</c>, or to <c>/x.html</c> for <c>build.format: "file"</c>),
    /// and a path that matches no file is left for S3 to refuse and the 404 error response to answer.
    /// </summary>
    public static string CreateStatic(bool directoryFormat, HostRedirect? redirect = null) => RedirectCode(redirect) + $$"""
        function handler(event) {
          var request = event.request;
        {{RedirectCall(redirect)}}  var uri = request.uri;
          if (uri.charAt(uri.length - 1) === '/') request.uri = uri + 'index.html';
          else if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) request.uri = uri + '{{(directoryFormat ? "/index.html" : ".html")}}';
          return request;
        }

        """;

    /// <summary>The header that carries the viewer's <c>Authorization</c> to the server under Origin Access Control.</summary>
    public const string ForwardedAuthorizationHeader = "x-forwarded-authorization";

    /// <summary>
    /// Builds the code; <paramref name="switchToS3"/> is false when S3 is already the behavior's origin.
    /// <paramref name="carryAuthorization"/> copies the viewer's <c>Authorization</c> into
    /// <see cref="ForwardedAuthorizationHeader"/>: an Origin Access Control that always signs overwrites <c>Authorization</c>
    /// with CloudFront's own signature, so a bearer token would never reach the app (rule
    /// <c>cloudfront/oac-overwrites-authorization</c>). A value the viewer sent in that header itself is dropped.
    /// </summary>
    public static string Create(StaticRouteTable table, bool switchToS3, HostRedirect? redirect = null, bool carryAuthorization = false)
    {
        var code = new StringBuilder();
        if (switchToS3)
        {
            code.AppendLine("import cf from 'cloudfront';");
        }

        code.Append(RedirectCode(redirect));

        code.Append("var FILES = ").Append(table.Json).AppendLine(";");
        code.AppendLine("""
            function isFile(path) {
              var slash = path.lastIndexOf('/');
              var names = FILES[path.slice(1, slash)];
              return names !== undefined && names.indexOf('|' + path.slice(slash + 1) + '|') !== -1;
            }
            function staticPath(path) {
              if (path.charAt(path.length - 1) === '/') return isFile(path + 'index.html') ? path + 'index.html' : null;
              if (isFile(path)) return path;
              if (isFile(path + '/index.html')) return path + '/index.html';
              if (isFile(path + '.html')) return path + '.html';
              return null;
            }
            function handler(event) {
              var request = event.request;
            """);
        code.Append(RedirectCall(redirect));
        code.AppendLine("""
              if (request.headers.host) request.headers['x-forwarded-host'] = { value: request.headers.host.value };
            """);
        if (carryAuthorization)
        {
            code.AppendLine(CultureInfo.InvariantCulture, $$"""
                  if (request.headers.authorization) request.headers['{{ForwardedAuthorizationHeader}}'] = { value: request.headers.authorization.value };
                  else delete request.headers['{{ForwardedAuthorizationHeader}}'];
                """);
        }

        code.AppendLine("""
              if (request.method !== 'GET' && request.method !== 'HEAD') return request;
              var path;
              try { path = decodeURIComponent(request.uri); } catch (e) { return request; }
              var file = staticPath(path);
              if (file === null) return request;
              request.uri = request.uri + file.slice(path.length);
            """);
        if (switchToS3)
        {
            code.AppendLine(CultureInfo.InvariantCulture, $$"""
                  request.querystring = {};
                  cf.updateRequestOrigin({
                    domainName: '{{BucketDomainPlaceholder}}',
                    originAccessControlConfig: { enabled: true, signingBehavior: 'always', signingProtocol: 'sigv4', originType: 's3' }
                  });
                """);
        }

        code.AppendLine("""
              return request;
            }
            """);
        return code.ToString();
    }

    /// <summary>
    /// The redirect of alternate host names to the primary one (none when <paramref name="redirect"/> is null): a 301 to
    /// <c>https://</c> + primary + the same path and query. It runs first, before any routing or header is touched.
    /// </summary>
    private static string RedirectCode(HostRedirect? redirect)
    {
        if (redirect is null)
        {
            return string.Empty;
        }

        var primary = JsonSerializer.Serialize(redirect.Primary);
        var redirected = JsonSerializer.Serialize(redirect.Redirected);
        return $$"""
            var PRIMARY_HOST = {{primary}};
            var REDIRECTED_HOSTS = {{redirected}};
            function isRedirected(host) {
              for (var i = 0; i < REDIRECTED_HOSTS.length; i++) {
                var name = REDIRECTED_HOSTS[i].toLowerCase();
                if (name === host) return true;
                if (name.charAt(0) === '*' && host.indexOf('.') > 0 && host.slice(host.indexOf('.')) === name.slice(1)) return true;
              }
              return false;
            }
            function redirectToPrimary(request) {
              var host = request.headers.host ? request.headers.host.value.toLowerCase() : '';
              if (host === PRIMARY_HOST.toLowerCase() || !isRedirected(host)) return null;
              var query = [];
              for (var key in request.querystring) {
                var entry = request.querystring[key];
                var values = entry.multiValue ? entry.multiValue : [entry];
                for (var j = 0; j < values.length; j++) query.push(values[j].value === '' ? key : key + '=' + values[j].value);
              }
              var location = 'https://' + PRIMARY_HOST + request.uri + (query.length > 0 ? '?' + query.join('&') : '');
              return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: location } } };
            }

            """;
    }

    private static string RedirectCall(HostRedirect? redirect) => redirect is null
        ? string.Empty
        : """
              var redirect = redirectToPrimary(request);
              if (redirect !== null) return redirect;

            """;
}

/// <summary>The request function answers a request for one of <paramref name="Redirected"/> (exact names, or <c>*.</c> wildcards one label deep) with a 301 to <paramref name="Primary"/>.</summary>
internal sealed record HostRedirect(string Primary, string[] Redirected);
