using FluentAssertions;

namespace Astro.Aws.Tests.Support;

/// <summary>How every bad-input test asserts a refusal.</summary>
internal static class Refusal
{
    /// <summary>
    /// Asserts that <paramref name="act"/> throws exactly <see cref="ArgumentException"/> (our own check speaking, not
    /// an error from inside jsii) whose message holds every fragment: the prop, what was received, what to do instead.
    /// </summary>
    public static ArgumentException Expect<T>(Func<T> act, params string[] fragments)
    {
        var error = act.Should().Throw<ArgumentException>().Which;
        error.GetType().Should().Be<ArgumentException>("our own checks must speak, not jsii");
        foreach (var fragment in fragments)
        {
            error.Message.Should().Contain(fragment);
        }

        return error;
    }
}
