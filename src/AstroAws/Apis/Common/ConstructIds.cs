using Astro.Aws.Apis.Routes;

namespace Astro.Aws.Apis.Common;

/// <summary>Construct IDs derived from route keys: stable as long as the key is, and pinned by the snapshots.</summary>
internal static class ConstructIds
{
    // '/' separates construct paths, so it cannot appear in an ID.
    public static string ForRoute(RouteKey key) => "Route " + key.Text.Replace('/', '|');
}
