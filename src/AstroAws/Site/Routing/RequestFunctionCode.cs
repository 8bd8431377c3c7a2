using System.Globalization;
using System.Text;

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
    public static string CreateStatic(bool directoryFormat) => $$"""
        function handler(event) {
          var request = event.request;
          var uri = request.uri;
          if (uri.charAt(uri.length - 1) === '/') request.uri = uri + 'index.html';
          else if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) request.uri = uri + '{{(directoryFormat ? "/index.html" : ".html")}}';
          return request;
        }

        """;

    /// <summary>Builds the code; <paramref name="switchToS3"/> is false when S3 is already the behavior's origin.</summary>
    public static string Create(StaticRouteTable table, bool switchToS3)
    {
        var code = new StringBuilder();
        if (switchToS3)
        {
            code.AppendLine("import cf from 'cloudfront';");
        }

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
              if (request.headers.host) request.headers['x-forwarded-host'] = { value: request.headers.host.value };
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
}
