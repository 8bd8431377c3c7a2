namespace Astro.Aws;

/// <summary>What happens to an API's resources when they leave the stack (the operator spec's <c>deletionPolicy</c>).</summary>
public enum ApiDeletionPolicy
{
    /// <summary>Delete every resource of the API (the CloudFormation default).</summary>
    Delete,

    /// <summary>Keep every resource of the API: the API, its stages, routes, integrations, authorizers, log group and domain.</summary>
    Retain,

    /// <summary>
    /// CloudFormation has no orphan policy; it is treated as <see cref="Retain"/>, which leaves the resources in the
    /// account without managing them, as orphaning would.
    /// </summary>
    Orphan,
}
