using Astro.Aws.Apis.Routes;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Routes;

public class RouteKeyTests
{
    [Theory]
    [InlineData("GET /notes", "GET", "/notes")]
    [InlineData("get   /notes/{id}", "GET", "/notes/{id}")]
    [InlineData("  ANY /files/{proxy+} ", "ANY", "/files/{proxy+}")]
    [InlineData("OPTIONS /", "OPTIONS", "/")]
    public void Valid_keys_are_normalised(string key, string method, string path)
    {
        var parsed = RouteKey.Parse(key, "Routes");

        parsed.Method.Should().Be(method);
        parsed.Path.Should().Be(path);
    }

    [Fact]
    public void Default_key_is_recognised() => RouteKey.Parse("$default", "Routes").IsDefault.Should().BeTrue();

    [Fact]
    public void Parameter_names_do_not_change_the_shape() =>
        RouteKey.Parse("GET /notes/{id}", "R").Shape.Should().Be(RouteKey.Parse("GET /notes/{noteId}", "R").Shape);

    [Theory]
    [InlineData("GETT /x", "'GETT' is not a method", "\"GET /x\"")]
    [InlineData("GET notes", "must start with '/'", "\"GET /notes\"")]
    [InlineData("", "empty", "\"GET /notes\"")]
    [InlineData("   ", "empty", "$default")]
    [InlineData("/notes", "method and a path", "\"GET /notes\"")]
    [InlineData("GET /a/{proxy+}/b", "must be the last segment", "/files/{proxy+}")]
    [InlineData("GET /a{b}", "not a whole parameter", "/notes/{id}")]
    [InlineData("GET /a/{b-c}", "not a whole parameter", "/notes/{id}")]
    [InlineData("GET /a//b", "empty segment", "\"GET /a/b\"")]
    [InlineData("GET /a/{id}/{id}", "appears twice", "own name")]
    [InlineData("GET /a b", "method and a path", "GET /notes")]
    public void Bad_keys_are_refused_with_the_key_and_a_correct_one(string key, string problem, string fix)
    {
        var act = () => RouteKey.Parse(key, "AstroHttpApiProps.Routes");

        act.Should().Throw<ArgumentException>()
            .Where(e => e.Message.Contains($"AstroHttpApiProps.Routes[\"{key}\"]", StringComparison.Ordinal))
            .Where(e => e.Message.Contains(problem, StringComparison.Ordinal))
            .Where(e => e.Message.Contains(fix, StringComparison.Ordinal));
    }

    [Fact]
    public void Greedy_parameter_and_single_segment_parameter_have_different_shapes()
    {
        // API Gateway serves both: {id} matches one segment, {proxy+} one or more; the more specific route wins.
        RouteKey.Parse("GET /files/{id}", "Routes").Shape.Should().NotBe(RouteKey.Parse("GET /files/{proxy+}", "Routes").Shape);
        RouteKey.Parse("GET /files/{rest+}", "Routes").Shape.Should().Be(RouteKey.Parse("GET /files/{proxy+}", "Routes").Shape);
    }
}
