using System.Reflection;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Docs;

/// <summary>
/// The public surface of each package, one line per type and member, kept in <c>PublicApi.verified.txt</c> (AstroAws)
/// and <c>PublicApi.Testing.verified.txt</c> (AstroAws.Testing): a change to it is a visible diff in review (and, if
/// it removes or changes a line, a breaking change for CHANGELOG.md). A mismatch writes the <c>.received.txt</c>
/// beside it; copy it over when the change is meant.
/// </summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("AstroAws", "PublicApi")]
    [InlineData("AstroAws.Testing", "PublicApi.Testing")]
    public void The_public_surface_matches_the_committed_list(string package, string list)
    {
        var assembly = package == "AstroAws" ? typeof(AstroAws).Assembly : typeof(CloudFrontModel).Assembly;
        var baseline = Path.Combine(TestPaths.TestProject, "Docs", list + ".verified.txt");
        var current = string.Join('\n', Surface(assembly)) + "\n";
        var received = Path.ChangeExtension(baseline, null).Replace(".verified", ".received", StringComparison.Ordinal) + ".txt";
        var expected = File.Exists(baseline) ? File.ReadAllText(baseline).ReplaceLineEndings("\n") : string.Empty;
        if (current != expected)
        {
            File.WriteAllText(received, current);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        current.Should().Be(expected, $"the public API changed: review {received} and copy it over {baseline} if the change is meant");
    }

    private static IEnumerable<string> Surface(Assembly assembly) =>
        assembly.GetExportedTypes()
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .SelectMany(type => new[] { $"{Kind(type)} {type.FullName}{Base(type)}" }.Concat(Members(type).Select(member => "  " + member)));

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsSealed && type.IsAbstract ? "static class" : "class";

    private static string Base(Type type) =>
        type.BaseType is { } baseType && baseType != typeof(object) && !type.IsEnum && !type.IsValueType ? $" : {Name(baseType)}" : string.Empty;

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            return Enum.GetNames(type).Order(StringComparer.Ordinal);
        }

        var members = new List<string>();
        members.AddRange(type.GetConstructors(Flags).Select(c => $"ctor({Parameters(c)})"));
        members.AddRange(type.GetProperties(Flags).Select(p => $"{(IsStatic(p) ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? (IsInit(p) ? "init; " : "set; ") : string.Empty)}}}"));
        members.AddRange(type.GetMethods(Flags).Where(m => !m.IsSpecialName && m.DeclaringType == type && !IsCompilerGenerated(m)).Select(m => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}({Parameters(m)})"));
        members.AddRange(type.GetFields(Flags).Select(f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}"));
        return members.Order(StringComparer.Ordinal);
    }

    private static bool IsStatic(PropertyInfo property) => (property.GetMethod ?? property.SetMethod)!.IsStatic;

    private static bool IsInit(PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    // Records generate equality members and a Deconstruct; they follow from the record's shape, not from a decision.
    private static bool IsCompilerGenerated(MethodInfo method) =>
        method.Name is "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "<Clone>$" or "Deconstruct" || method.Name.StartsWith("op_", StringComparison.Ordinal);

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type type) => type switch
    {
        { IsGenericType: true } => $"{type.Namespace}.{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>",
        { IsArray: true } => Name(type.GetElementType()!) + "[]",
        _ => type.FullName ?? type.Name,
    };
}
