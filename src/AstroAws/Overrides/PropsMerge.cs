using System.Reflection;

namespace Astro.Aws.Overrides;

/// <summary>
/// The one place where a caller's overrides meet our defaults, with one rule: a property the caller set (non-null)
/// wins; every other property keeps our default. Collections are never mutated: combining builds a new array.
/// </summary>
internal static class PropsMerge
{
    /// <summary>
    /// Copies every non-null public property of <paramref name="overrides"/> onto the same-named property of
    /// <paramref name="target"/> and returns it. Names listed in <paramref name="handledElsewhere"/> are skipped
    /// because the caller merges them itself (they must still exist on the overrides type).
    /// </summary>
    public static T Overlay<T, TOverrides>(T target, TOverrides? overrides, params string[] handledElsewhere)
        where T : class
        where TOverrides : class
    {
        ArgumentNullException.ThrowIfNull(target);
        if (overrides is null)
        {
            return target;
        }

        var targetType = target.GetType();
        foreach (var source in ContractProperties(typeof(TOverrides)))
        {
            if (handledElsewhere.Contains(source.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var value = source.GetValue(overrides);
            if (value is null)
            {
                continue;
            }

            // A property with no twin on the target would be dropped silently; that is a bug in this library, not the caller's.
            var destination = targetType.GetProperty(source.Name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{typeof(TOverrides).Name}.{source.Name} has no counterpart on {targetType.Name}.");
            destination.SetValue(target, value);
        }

        return target;
    }

    /// <summary>
    /// The properties a caller can set through <paramref name="contract"/>: a class's public properties, or an
    /// interface's together with those of the interfaces it extends (reflection does not flatten those).
    /// </summary>
    public static IReadOnlyList<PropertyInfo> ContractProperties(Type contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var types = contract.IsInterface ? [contract, .. contract.GetInterfaces()] : new[] { contract };
        return
        [
            .. types.SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                .GroupBy(property => property.Name, StringComparer.Ordinal)
                .Select(group => group.First()),
        ];
    }

    /// <summary>Ours first, then the caller's, in a new array; neither input is touched.</summary>
    public static T[]? Combine<T>(IEnumerable<T>? ours, IEnumerable<T>? theirs)
    {
        if (ours is null && theirs is null)
        {
            return null;
        }

        return [.. ours ?? [], .. theirs ?? []];
    }
}
