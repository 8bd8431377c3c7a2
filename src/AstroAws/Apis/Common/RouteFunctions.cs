using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws.Apis.Common;

/// <summary>The functions behind an API's routes, by route key, and the permission grants both API constructs offer.</summary>
internal sealed class RouteFunctions(string constructName)
{
    private readonly Dictionary<string, IFunction> byKey = new(StringComparer.Ordinal);

    // What AttachPermissions granted, so that functions of routes added afterwards get it too.
    private readonly List<PolicyStatement[]> grantedToAll = [];

    public IReadOnlyDictionary<string, IFunction> ByKey => byKey;

    public void Add(string routeKey, IFunction function)
    {
        var isNew = !byKey.Values.Contains(function, ReferenceEqualityComparer.Instance);
        byKey[routeKey] = function;
        if (isNew)
        {
            foreach (var statements in grantedToAll)
            {
                Grant(function, statements);
            }
        }
    }

    public IFunction? Get(string routeKey) => byKey.TryGetValue(routeKey, out var function) ? function : null;

    /// <summary>Grants every function once, even one that serves several routes, and every function of a route added later.</summary>
    public void GrantAll(PolicyStatement[] statements)
    {
        grantedToAll.Add([.. statements]);
        foreach (var function in byKey.Values.Distinct(ReferenceEqualityComparer.Instance).Cast<IFunction>())
        {
            Grant(function, statements);
        }
    }

    public void GrantRoute(string routeKey, string normalisedKey, PolicyStatement[] statements)
    {
        var function = Get(normalisedKey) ?? throw new ArgumentException(
            $"{constructName}.AttachPermissionsToRoute: no route '{routeKey}' with a function. Routes with functions: {string.Join(", ", byKey.Keys)}.",
            nameof(routeKey));
        Grant(function, statements);
    }

    private static void Grant(IFunction function, PolicyStatement[] statements)
    {
        foreach (var statement in statements)
        {
            function.AddToRolePolicy(statement);
        }
    }
}
