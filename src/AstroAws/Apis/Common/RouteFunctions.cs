using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws.Apis.Common;

/// <summary>The functions behind an API's routes, by route key, and the permission grants both API constructs offer.</summary>
internal sealed class RouteFunctions(string constructName)
{
    private readonly Dictionary<string, IFunction> byKey = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IFunction> ByKey => byKey;

    public void Add(string routeKey, IFunction function) => byKey[routeKey] = function;

    public IFunction? Get(string routeKey) => byKey.TryGetValue(routeKey, out var function) ? function : null;

    /// <summary>Grants every function once, even one that serves several routes.</summary>
    public void GrantAll(PolicyStatement[] statements)
    {
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
