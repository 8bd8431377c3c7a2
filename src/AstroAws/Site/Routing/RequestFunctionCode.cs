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

    /// <summary>The token in the code that stands for the routing KeyValueStore's ID.</summary>
    public const string StoreIdPlaceholder = "__ASTRO_AWS_STORE_ID__";

    /// <summary>The header that carries the viewer's <c>Authorization</c> to the server under Origin Access Control.</summary>
    public const string ForwardedAuthorizationHeader = "x-forwarded-authorization";

    /// <summary>
    /// Builds the code from <paramref name="spec"/>. With the table in a KeyValueStore the handler is async (store reads
    /// are); with the table inline it reads a literal and needs no store. A path the table does not hold is left to
    /// the behavior's own origin: the server, or in a static site S3, which answers 403 for it (and the error response
    /// the 404 page).
    /// </summary>
    public static string Create(RequestFunctionSpec spec)
    {
        var inStore = spec.Placement == RoutePlacement.KeyValueStore;
        var wait = inStore ? "await " : string.Empty;
        var async = inStore ? "async " : string.Empty;
        var asyncHandler = inStore || spec.Hook?.IsAsync == true ? "async " : string.Empty;
        var code = new StringBuilder();
        // The caller's code may use `cf` too, so it is always imported for them (on the first line, as CloudFront requires).
        if (spec.SwitchToS3 || inStore || spec.Hook is not null)
        {
            code.AppendLine("import cf from 'cloudfront';");
        }

        if (inStore)
        {
            code.AppendLine("var crypto = require('crypto');");
        }

        if (spec.Hook is { } hook)
        {
            code.AppendLine(hook.Code);
        }

        code.Append(RedirectCode(spec.Redirect));
        code.AppendLine(inStore
            ? $"var STORE = cf.kvs('{StoreIdPlaceholder}');"
            : $"var FILES = {spec.Table.InlineJson};");
        code.AppendLine(CultureInfo.InvariantCulture, $$"""
            function stemKey(stem) { return stem === '' ? '/' : stem; }
            function fileKey(path) {
              if (path.slice(-11) === '/index.html') return [stemKey(path.slice(0, -11)), {{RouteTable.DirectoryIndex}}, path];
              if (path.slice(-5) === '.html') return [stemKey(path.slice(0, -5)), {{RouteTable.HtmlFile}}, path];
              return [path, {{RouteTable.ExactFile}}, path];
            }
            function candidates(path) {
              if (path.charAt(path.length - 1) === '/') return [[stemKey(path.slice(0, -1)), {{RouteTable.DirectoryIndex}}, path + 'index.html']];
              return [fileKey(path), [path, {{RouteTable.DirectoryIndex}}, path + '/index.html'], [path, {{RouteTable.HtmlFile}}, path + '.html']];
            }
            """);
        code.AppendLine(inStore
            ? $$"""
                function storeKey(key) { return crypto.createHash('sha256').update(encodeURIComponent(key)).digest('hex').slice(0, {{RouteTable.StoreKeyLength}}); }
                async function flagsOf(key) { try { return Number(await STORE.get(storeKey(key))); } catch (e) { return 0; } }
                """
            : "function flagsOf(key) { return FILES[key] || 0; }");
        code.AppendLine(CultureInfo.InvariantCulture, $$"""
            {{async}}function staticFile(path) {
              var list = candidates(path);
              var seen = {};
              for (var i = 0; i < list.length; i++) {
                var key = list[i][0];
                if (seen[key] === undefined) seen[key] = {{wait}}flagsOf(key);
                if ((seen[key] & list[i][1]) !== 0) return list[i][2];
              }
              return null;
            }
            {{asyncHandler}}function handler(event) {
              var request = event.request;
            """);
        code.Append(RedirectCall(spec.Redirect));
        if (spec.Hook is { } called)
        {
            // The caller's hook may change event.request, or answer: a value with a statusCode is a response.
            code.AppendLine(CultureInfo.InvariantCulture, $$"""
                  var answer = {{(called.IsAsync ? "await " : string.Empty)}}{{ViewerHooks.RequestHookName}}(event);
                  if (answer && answer.statusCode !== undefined) return answer;
                """);
        }

        if (spec.HasServer)
        {
            code.AppendLine("""
                  if (request.headers.host) request.headers['x-forwarded-host'] = { value: request.headers.host.value };
                """);
        }

        if (spec.CarryAuthorization)
        {
            code.AppendLine(CultureInfo.InvariantCulture, $$"""
                  if (request.headers.authorization) request.headers['{{ForwardedAuthorizationHeader}}'] = { value: request.headers.authorization.value };
                  else delete request.headers['{{ForwardedAuthorizationHeader}}'];
                """);
        }

        code.AppendLine(CultureInfo.InvariantCulture, $$"""
              if (request.method !== 'GET' && request.method !== 'HEAD') return request;
              var path;
              try { path = decodeURIComponent(request.uri); } catch (e) { return request; }
              var file = {{wait}}staticFile(path);
              if (file === null) return request;
              request.uri = request.uri + file.slice(path.length);
            """);
        if (spec.SwitchToS3)
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
        var defaultDomain = JsonSerializer.Serialize(redirect.DefaultDomain.ToString().ToLowerInvariant());
        return $$"""
            var PRIMARY_HOST = {{primary}};
            var REDIRECTED_HOSTS = {{redirected}};
            var DEFAULT_DOMAIN = {{defaultDomain}};
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
              if (host === PRIMARY_HOST.toLowerCase()) return null;
              var isDefault = host.slice(-15) === '.cloudfront.net';
              if (isDefault && DEFAULT_DOMAIN === 'refuse') return { statusCode: 403, statusDescription: 'Forbidden' };
              if (!(isDefault && DEFAULT_DOMAIN === 'redirect') && !isRedirected(host)) return null;
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

/// <summary>
/// The request function answers a request for one of <paramref name="Redirected"/> (exact names, or <c>*.</c>
/// wildcards one label deep) with a 301 to <paramref name="Primary"/>, and one for the distribution's own
/// <c>*.cloudfront.net</c> name as <paramref name="DefaultDomain"/> says.
/// </summary>
internal sealed record HostRedirect(string Primary, string[] Redirected, DefaultDomainAccess DefaultDomain = DefaultDomainAccess.Serve);

/// <summary>What the request function must do on a site.</summary>
/// <param name="HasServer">Set <c>x-forwarded-host</c>; only a server reads it.</param>
/// <param name="SwitchToS3">Send files to the S3 origin (the behavior's own origin is the function URL).</param>
/// <param name="CarryAuthorization">Copy <c>Authorization</c> into <see cref="RequestFunctionCode.ForwardedAuthorizationHeader"/>.</param>
/// <param name="Redirect">Alternate host names answered with a redirect, or null.</param>
/// <param name="Table">The files the function routes.</param>
/// <param name="Placement">Where <paramref name="Table"/> lives.</param>
/// <param name="Hook">The caller's viewer-request code, run after the host redirect and before everything else; or null.</param>
internal sealed record RequestFunctionSpec(bool HasServer, bool SwitchToS3, bool CarryAuthorization, HostRedirect? Redirect, RouteTable Table, RoutePlacement Placement, ViewerHook? Hook = null);
