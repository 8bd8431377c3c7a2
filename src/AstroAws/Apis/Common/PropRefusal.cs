namespace Astro.Aws.Apis.Common;

/// <summary>One refusal of a prop: which one (also the exception's ParamName), what was received, what to do instead.</summary>
internal static class PropRefusal
{
    public static void When(bool refused, string propsType, string prop, string received, string instead)
    {
        if (refused)
        {
            throw new ArgumentException($"{propsType}.{prop}: received {received}, but {instead}.", $"{propsType}.{prop}");
        }
    }
}
