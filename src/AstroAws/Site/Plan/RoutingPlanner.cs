using System.Globalization;
using System.Text;
using Astro.Aws.Parts;
using Astro.Aws.Routing;
using Constructs;

namespace Astro.Aws.Plan;

/// <summary>
/// Decides where the route table lives: in the request function's own code while it fits CloudFront Functions' code
/// limit (no store read, no extra resource), else in a KeyValueStore whose name is derived from the table, so a new
/// file list is a new store (CloudFormation reads a store's import only when it creates it).
/// </summary>
internal static class RoutingPlanner
{
    /// <summary>A KeyValueStore holds at most 5 MB, and its import file is limited to 5 MB too (CloudFront quotas).</summary>
    public const long StoreMaxBytes = 5L * 1024 * 1024;

    // The bucket's regional domain name and the store's ID replace their placeholders at deploy time and are longer.
    private const int TokenAllowance = 96;

    // Past this share of the store's size, the table's size is a warning.
    private const double WarnAt = 0.8;

    public static RoutingPlan Plan(Construct site, AstroBuild build, HostRedirect? redirect, bool carryAuthorization, RoutePlacement requested, ViewerHook? hook = null)
    {
        var table = RouteTable.Create(build, SitePaths.AssetsFolder);
        var spec = new RequestFunctionSpec(
            HasServer: build.HasServer,
            SwitchToS3: build.Mode is AstroAwsMode.Ssr or AstroAwsMode.SsrStream,
            CarryAuthorization: carryAuthorization,
            Redirect: redirect,
            Table: table,
            Placement: RoutePlacement.FunctionCode,
            Hook: hook);
        // Each entry takes at least 5 bytes of inline code ("/x":1,), so a table past the limit by that count alone is
        // never written out inline just to be measured.
        var surelyTooBig = table.Entries.Count * 5L > RequestFunctionCode.MaxCodeBytes;
        var inline = surelyTooBig && requested == RoutePlacement.Automatic ? null : RequestFunctionCode.Create(spec);
        var inlineBytes = inline is null ? int.MaxValue : Bytes(inline);
        var placement = requested switch
        {
            RoutePlacement.Automatic => inlineBytes <= RequestFunctionCode.MaxCodeBytes ? RoutePlacement.FunctionCode : RoutePlacement.KeyValueStore,
            _ => requested,
        };
        var comment = build.HasServer ? "AstroAws: routes build files to S3 and sets x-forwarded-host" : "AstroAws: maps page paths to their files";
        if (placement == RoutePlacement.FunctionCode)
        {
            RefuseOversizedCode(table, inlineBytes, requested);
            RequireHookFits(hook, inline!, inlineBytes);
            return new RoutingPlan(inline!, comment, table, placement, StoreName: null, inlineBytes);
        }

        RefuseOversizedStore(table);
        var code = RequestFunctionCode.Create(spec with { Placement = RoutePlacement.KeyValueStore });
        RequireHookFits(hook, code, Bytes(code));
        return new RoutingPlan(code, comment, table, placement, CloudFrontNames.For(site, $"Routes-{table.ContentHash}"), Bytes(code));
    }

    /// <summary>Where the table went and how full that place is, so a growing site sees it coming.</summary>
    public static SiteNote Note(RoutingPlan routing)
    {
        var table = routing.Table;
        if (routing.Placement == RoutePlacement.FunctionCode)
        {
            return new SiteNote(NoteLevel.Info, string.Create(CultureInfo.InvariantCulture,
                $"AstroAws: the request function routes {table.FileCount} file(s) outside {SitePaths.AssetsFolder}/ from its own code, about {routing.CodeBytes} of CloudFront Functions' {RequestFunctionCode.MaxCodeBytes} bytes."));
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"AstroAws: the request function routes {table.FileCount} file(s) outside {SitePaths.AssetsFolder}/ through a KeyValueStore: {table.Entries.Count} key(s), an import file of {table.ImportBytes} of CloudFront's {StoreMaxBytes} bytes ({100.0 * table.ImportBytes / StoreMaxBytes:0}%).");
        return table.ImportBytes >= WarnAt * StoreMaxBytes
            ? new SiteNote(NoteLevel.Warning, message + " Past the limit synthesis fails: import images, fonts and scripts from src/ so Astro fingerprints them into _astro/, or render rarely visited pages on demand.", "@astroaws/site:routeTableSize")
            : new SiteNote(NoteLevel.Info, message);
    }

    private static void RequireHookFits(ViewerHook? hook, string code, int bytes)
    {
        if (hook is not null)
        {
            ViewerHooks.RequireSize(hook, bytes, "the site's request function");
            ViewerHooks.RequireComposedParses(hook, code, "the site's request function");
        }
    }

    private static int Bytes(string code) => Encoding.UTF8.GetByteCount(code) + TokenAllowance;

    private static void RefuseOversizedCode(RouteTable table, int bytes, RoutePlacement requested)
    {
        if (bytes > RequestFunctionCode.MaxCodeBytes)
        {
            // Automatic only picks the code when it fits, so this is a caller's RoutePlacement.FunctionCode.
            throw new ArgumentException(
                $"AstroAwsProps.RoutePlacement: received {requested}, but the build has {table.FileCount} files outside {SitePaths.AssetsFolder}/, which make the request function about {bytes} bytes, "
                + $"over CloudFront Functions' {RequestFunctionCode.MaxCodeBytes}-byte limit. Leave RoutePlacement at Automatic (or set KeyValueStore) so the table moves to a KeyValueStore.",
                "AstroAwsProps.RoutePlacement");
        }
    }

    private static void RefuseOversizedStore(RouteTable table)
    {
        if (table.ImportBytes > StoreMaxBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"AstroAwsProps: the build has {table.FileCount} files outside {SitePaths.AssetsFolder}/, whose {table.Entries.Count} route keys make a KeyValueStore import file of {table.ImportBytes} bytes, over CloudFront's {StoreMaxBytes}. ")
                + "Import images, fonts and scripts from src/ so Astro fingerprints them into _astro/ (served by a behavior of their own, not listed), render rarely visited pages on demand, or move bulk files to a bucket of your own behind an AdditionalBehaviors entry.",
                "props");
        }

        if (table.StoreKeysCollide)
        {
            throw new InvalidOperationException("AstroAws: two paths of the build share a 64-bit route key, which has odds below one in a billion. Rename one page and please report the two paths.");
        }
    }
}
