namespace Astro.Aws.Preview.Assembly;

/// <summary>Something in the cloud assembly the preview cannot emulate faithfully: it stops rather than guess.</summary>
public sealed class PreviewException(string message) : Exception(message);
