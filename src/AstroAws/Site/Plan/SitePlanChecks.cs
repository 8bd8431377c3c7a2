namespace Astro.Aws.Plan;

/// <summary>
/// Checks the plan as a whole, once every part is decided and before anything is rendered: what no single part can
/// see on its own.
/// </summary>
internal static class SitePlanChecks
{
    private const string PropName = "AstroAwsCdkProps.CloudfrontDistribution.AdditionalBehaviors";

    public static SitePlan Validate(SitePlan plan)
    {
        RefuseCatchAll(plan);
        RequireOrigins(plan);
        return plan;
    }

    /// <summary>
    /// A caller's behavior that matches every path comes before ours, so CloudFront would send it every request: the
    /// request function, <c>/_astro/*</c> and <c>/api/*</c> would never run.
    /// </summary>
    private static void RefuseCatchAll(SitePlan plan)
    {
        foreach (var behavior in plan.AdditionalBehaviors.Where(b => b.Origin == OriginRole.Caller))
        {
            var pattern = behavior.PathPattern!;
            if (pattern.TrimStart('/').All(c => c == '*'))
            {
                throw new ArgumentException(
                    $"{PropName}[\"{pattern}\"]: received a pattern that matches every path. CloudFront takes the first behavior that matches and yours come before the site's, "
                    + "so every request would go to your origin and the site's own behaviors (pages, /_astro/*, /api/*) would never run. "
                    + "Change the default behavior through CloudfrontDistribution.DefaultBehavior instead, or give a narrower pattern such as \"/media/*\".",
                    $"{PropName}[\"{pattern}\"]");
            }
        }
    }

    /// <summary>Every behavior the site owns targets an origin the plan has; anything else is a bug in the planner.</summary>
    private static void RequireOrigins(SitePlan plan)
    {
        var hasServer = plan.RegionalServer is not null || plan.EdgeServer is not null;
        var orphan = plan.Behaviors.FirstOrDefault(b => (b.Origin == OriginRole.Server && !hasServer) || (b.EdgeHandler && plan.EdgeServer is null) || (b.SignsBodies && plan.UrlSigner is null));
        if (orphan is not null)
        {
            throw new InvalidOperationException($"AstroAws: the plan's behavior '{orphan.PathPattern ?? "(default)"}' targets a server the plan does not have. This is a bug in AstroAws; please report it.");
        }
    }
}
