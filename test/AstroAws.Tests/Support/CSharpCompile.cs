using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Astro.Aws.Tests.Support;

/// <summary>Compiles C# that a user would write (docs blocks, generated apps) against the packages this test project has.</summary>
internal static class CSharpCompile
{
    /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gives a console or library project.</summary>
    public static readonly string[] ImplicitUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path)),
        .. new[] { "AstroAws.dll", "AstroAws.Testing.dll", "Amazon.CDK.Lib.dll", "Constructs.dll", "Amazon.JSII.Runtime.dll", "xunit.core.dll", "xunit.assert.dll", "xunit.abstractions.dll" }
            .Select(name => MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, name))),
    ]);

    /// <summary>The compiler's errors, each with its file and line; empty when the code compiles.</summary>
    public static List<string> Errors(IEnumerable<SyntaxTree> trees, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var compilation = CSharpCompilation.Create(
            "UserCode",
            trees,
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Location.SourceTree?.FilePath} (line {d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.GetMessage(CultureInfo.InvariantCulture)}")
            .Distinct()];
    }
}
