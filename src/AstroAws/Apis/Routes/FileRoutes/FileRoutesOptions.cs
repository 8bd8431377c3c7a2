namespace Astro.Aws;

/// <summary>Options of <see cref="ApiRoutes.FromDirectory"/>.</summary>
public sealed class FileRoutesOptions
{
    /// <summary>A path every route starts with, e.g. <c>"/api"</c>: <c>users/$id.mjs</c> then answers <c>/api/users/{id}</c>.</summary>
    /// <value>Default: none; <c>index.mjs</c> at the top of the folder answers <c>/</c>.</value>
    /// <remarks>Static segments only (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, <c>~</c>), starting with <c>/</c>; a trailing <c>/</c> is dropped.</remarks>
    public string? PathPrefix { get; init; }

    /// <summary>
    /// The folder the handler strings are relative to (<see cref="ApiFunctionProps.CodeRoot"/>); its first folder below is
    /// the deployment package. The routes folder must lie inside it, at least one folder down.
    /// </summary>
    /// <value>Default: the current directory (where <c>cdk synth</c> runs), as for handler strings.</value>
    /// <remarks>Every produced route carries <c>FunctionProps.CodeRoot</c> set to this folder (as a full path), so the API's
    /// <c>Defaults.Function.CodeRoot</c> does not re-root them; the API's other function defaults still apply.</remarks>
    public string? CodeRoot { get; init; }

    /// <summary>
    /// Called once per route with what was found and the route produced; returns the route to use (e.g.
    /// <c>r =&gt; r.Route with { Authorizer = "jwt" }</c>), or null to leave the route out.
    /// </summary>
    /// <value>Default: every route as produced.</value>
    /// <remarks>A route you return that keeps the produced handler must keep <c>FunctionProps.CodeRoot</c>: when you
    /// replace <c>FunctionProps</c>, set <c>CodeRoot = r.CodeRoot</c> in the new props.</remarks>
    public Func<FileRoute, ApiRoute?>? Customize { get; init; }
}
