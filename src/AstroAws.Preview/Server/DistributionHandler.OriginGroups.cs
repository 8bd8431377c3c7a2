using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Preview.CloudFront;
using Microsoft.AspNetCore.Http;

namespace Astro.Aws.Preview.Server;

/// <summary>Origin failover: the request goes to the group's primary, and to its secondary when CloudFront's rules say so.</summary>
internal sealed partial class DistributionHandler
{
    // Headers CloudFront adds to every origin request: left out of the trace's "reached" so that it shows the viewer's.
    private static readonly HashSet<string> AddedByCloudFront = new(StringComparer.OrdinalIgnoreCase) { "host", "via", "x-amz-cf-id", "x-forwarded-for" };

    private static OriginRequest Reached(ForwardedRequest forwarded) => new(
        forwarded.Path,
        forwarded.RawQuery,
        [.. forwarded.Cookies.Select(c => c.Split('=', 2)[0])],
        [.. forwarded.Headers.Keys.Where(h => !AddedByCloudFront.Contains(h)).Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal)]);

    private static string? MemberSigning(Origin member) => member switch
    {
        BucketOrigin { HasOac: true } => "always",
        FunctionUrlOrigin f => f.OacSigning,
        _ => null,
    };

    private async Task<PreviewResponse> FetchGroup(OriginGroup group, Behavior behavior, JsonObject request, byte[] body, HttpContext context, List<OriginFetch> fetches)
    {
        var method = (string)request["method"]!;
        PreviewResponse primary;
        try
        {
            primary = await Fetch(group.Primary, MemberSigning(group.Primary), behavior, request, body, context, fetches).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not PreviewException and not OperationCanceledException)
        {
            // An origin CloudFront cannot reach also fails over (for GET, HEAD and OPTIONS); otherwise it is a 502.
            fetches.Add(new OriginFetch(OriginKind(group.Primary), group.Primary.Id, 502, "unreachable: " + e.Message));
            if (!OriginGroup.MethodFailsOver(method))
            {
                return PreviewResponse.Text(502, "text/html", "<html><body>502 ERROR: CloudFront could not connect to the origin.</body></html>");
            }

            return await Secondary(group, behavior, request, body, context, fetches).ConfigureAwait(false);
        }

        if (!group.FailsOver(method, primary.Status))
        {
            return primary;
        }

        await Drain(primary).ConfigureAwait(false);
        fetches[^1] = fetches[^1] with { Note = Join(fetches[^1].Note, $"failover: {primary.Status} is a failover code of {group.Id}") };
        return await Secondary(group, behavior, request, body, context, fetches).ConfigureAwait(false);
    }

    private async Task<PreviewResponse> Secondary(OriginGroup group, Behavior behavior, JsonObject request, byte[] body, HttpContext context, List<OriginFetch> fetches)
    {
        var response = await Fetch(group.Secondary, MemberSigning(group.Secondary), behavior, request, body, context, fetches).ConfigureAwait(false);
        fetches[^1] = fetches[^1] with { Note = Join(fetches[^1].Note, "secondary of " + group.Id) };
        return response;
    }

    private static string Join(string? note, string more) => note is null ? more : note + "; " + more;

    private static string OriginKind(Origin origin) => origin switch
    {
        BucketOrigin => "s3",
        FunctionUrlOrigin => "lambda",
        _ => "unknown",
    };
}
