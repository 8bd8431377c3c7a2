namespace Astro.Aws.Tests.Support;

/// <summary>A folder of a test's own under the temp folder (which the test scripts remove), deleted when the test class is disposed.</summary>
internal sealed class ScratchFolder(string name) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A copy of a committed fixture build (<c>Fixtures/&lt;mode&gt;/dist</c>) to change, in <c>&lt;name&gt;/dist</c> (the mode by default), and its path.</summary>
    public string CopyFixture(string mode, string? name = null)
    {
        var target = Combine(name ?? mode, "dist");
        CopyTree(TestPaths.Fixture(mode), target);
        return target;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    /// <summary>Copies every file and folder under <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            CopyTree(dir, System.IO.Path.Combine(target, System.IO.Path.GetFileName(dir)));
        }
    }
}
