namespace Astro.Aws.KeepWarm;

/// <summary>The JavaScript files of keep-warm, shipped inside this assembly as embedded resources named after the file.</summary>
internal static class EmbeddedCode
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedCode).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The AstroAws assembly lacks its embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
