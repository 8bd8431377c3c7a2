using Astro.Aws.Overrides;

namespace Astro.Aws.Apis.Common;

/// <summary>
/// CDK props passed through to an API or a stage: each property either reaches CDK (yours win, by <see cref="PropsMerge"/>)
/// or is one of ours already covers, and is refused with the prop to use, so a setting is never decided twice.
/// </summary>
internal static class ApiPassThrough
{
    /// <param name="ours">Our props for the resource.</param>
    /// <param name="overrides">The caller's, or null.</param>
    /// <param name="propName">Where the caller set them, e.g. <c>AstroHttpApiProps.Cdk.HttpApi</c>.</param>
    /// <param name="covered">The properties ours covers, each with what to do instead.</param>
    public static T Merge<T, TOverrides>(T ours, TOverrides? overrides, string propName, IReadOnlyDictionary<string, string> covered)
        where T : class
        where TOverrides : class
    {
        if (overrides is null)
        {
            return ours;
        }

        var properties = PropsMerge.ContractProperties(typeof(TOverrides));
        foreach (var (name, instead) in covered)
        {
            var property = properties.Single(candidate => candidate.Name == name);
            if (property.GetValue(overrides) is { } value)
            {
                throw new ArgumentException($"{propName}.{name}: received {Describe(value)}, but {instead}", $"{propName}.{name}");
            }
        }

        return PropsMerge.Overlay(ours, overrides, [.. covered.Keys]);
    }

    private static string Describe(object value) => value switch
    {
        string text => $"'{text}'",
        bool flag => flag ? "true" : "false",
        _ => $"a {value.GetType().Name}",
    };
}
