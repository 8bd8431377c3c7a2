namespace Astro.Aws.Tests.Overrides;

internal static partial class OverrideTables
{
    public enum BehaviorKind { Default, Api }
    public static OverrideCase[] Distribution() => [];
    public static OverrideCase[] Behavior(BehaviorKind kind) => [];
}
