using Astro.Aws.Apis.Routes;

namespace Astro.Aws.Apis.Common;

/// <summary>Construct IDs derived from route keys: stable as long as the key is, and pinned by the snapshots.</summary>
internal static class ConstructIds
{
    public static string ForRoute(RouteKey key) => ForRoute(key.Text);

    /// <summary>The ID of a route whose key is <paramref name="keyText"/> as API Gateway writes it (HTTP or WebSocket).</summary>
    // '/' separates construct paths, so it cannot appear in an ID.
    public static string ForRoute(string keyText) => "Route " + keyText.Replace('/', '|');
}
