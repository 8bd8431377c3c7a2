using System.Text.RegularExpressions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Astro.Aws.Tests.Docs;

/// <summary>
/// Every C# block of README.md and docs/ compiles as a user would paste it into a CDK app that references AstroAws
/// (implicit usings on): a block that declares types is a file of its own; any other block is the body of a stack's
/// constructor, where <c>this</c> is the stack. A block's own <c>using</c> lines apply to it, and a block of only
/// <c>using</c> lines applies to every block of its page (the page states its usings). No test or sample helper is
/// visible: only AstroAws, AstroAws.Testing and the CDK. A block that creates the <c>App</c> is a <c>Program.cs</c> and runs as a program's
/// statements; the blocks of a page compile together, so it may use a stack another block of the page declares.
/// </summary>
public sealed partial class DocsCompileTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal).Prepend(Path.Combine(TestPaths.RepoRoot, "README.md")))
        {
            if (Blocks(File.ReadAllText(page)).Count > 0)
            {
                pages.Add(Path.GetRelativePath(TestPaths.RepoRoot, page));
            }
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_compiles_as_pasted(string page)
    {
        var blocks = Blocks(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, page)));
        var pageUsings = blocks.Where(b => IsUsingsOnly(b.Code)).SelectMany(b => UsingLines(b.Code)).ToList();
        var trees = blocks.Where(b => !IsUsingsOnly(b.Code)).Select((block, i) => CSharpSyntaxTree.ParseText(Wrap(block.Code, pageUsings, i), path: $"{page}:{block.Line}")).ToList();
        var errors = CSharpCompile.Errors(trees);

        errors.Should().BeEmpty($"every C# block of {page} compiles pasted into an app that references AstroAws");
    }

    private static string Wrap(string code, IReadOnlyList<string> pageUsings, int index)
    {
        var own = UsingLines(code).ToList();
        var body = string.Join('\n', code.Split('\n').Where(line => !UsingLine().IsMatch(line)));
        var usings = string.Join('\n', CSharpCompile.ImplicitUsings.Select(u => $"using {u};").Concat(pageUsings).Concat(own).Distinct());
        if (TypeDeclaration().IsMatch(body))
        {
            return $"{usings}\n{(FileNamespace().IsMatch(body) ? string.Empty : $"namespace DocsBlock{index};\n")}{body}";
        }

        // A block that makes the App is a Program.cs: its statements run as a program's, not in a stack.
        return body.Contains("new App(", StringComparison.Ordinal)
            ? $$"""
                {{usings}}
                namespace DocsBlock{{index}};
                public static class Program
                {
                    public static void Main()
                    {
                {{body}}
                    }
                }
                """
            : $$"""
                {{usings}}
                namespace DocsBlock{{index}};
                public sealed class Block : Amazon.CDK.Stack
                {
                    public Block(Constructs.Construct scope, string id) : base(scope, id)
                    {
                {{body}}
                    }
                }
                """;
    }

    private static List<(string Code, int Line)> Blocks(string markdown)
    {
        var blocks = new List<(string, int)>();
        foreach (Match match in CSharpBlock().Matches(markdown))
        {
            var line = markdown[..match.Index].Count(c => c == '\n') + 1;
            blocks.Add((match.Groups["code"].Value, line));
        }

        return blocks;
    }

    private static bool IsUsingsOnly(string code) => code.Split('\n').Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("//", StringComparison.Ordinal)).All(line => UsingLine().IsMatch(line));

    private static IEnumerable<string> UsingLines(string code) => code.Split('\n').Where(line => UsingLine().IsMatch(line)).Select(line => line.Trim());

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^\s*using\s+[A-Za-z0-9_.=\s]+;\s*$")]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^(public |internal )?((sealed|static|abstract|partial) )*(class|record|interface|enum|struct) ", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^namespace [A-Za-z0-9_.]+;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();
}
