namespace Twinning.Module.Features.Recipes;

/// <summary>
/// Orchard Core feature ids as recipes name them: those whose job Twinning does (always on), and the content types
/// Orchard's own features create, so that items of a feature Twinning does not have can be passed over by name.
/// </summary>
public static class OrchardFeatures
{
    /// <summary>The feature id of Twinning's Orchard Core module; here, the engine itself.</summary>
    public const string Twinning = "Twinning";

    public const string Taxonomies = "OrchardCore.Taxonomies";

    /// <summary>Features whose job Twinning does. A recipe may enable them; Twinning has them always on.</summary>
    public static readonly IReadOnlySet<string> Provided = new HashSet<string>(StringComparer.Ordinal)
    {
        Twinning,
        // Content and its model.
        "OrchardCore.Contents", "OrchardCore.ContentTypes", "OrchardCore.ContentFields", "OrchardCore.Title",
        "OrchardCore.Autoroute", "OrchardCore.Html", "OrchardCore.Markdown", "OrchardCore.Lists", "OrchardCore.Flows",
        "OrchardCore.Localization", "OrchardCore.ContentLocalization", Taxonomies, "OrchardCore.Media",
        "OrchardCore.Spatial",
        // Field values are indexed in SQL and content is indexed for queries without a separate feature.
        "OrchardCore.Indexing", "OrchardCore.ContentFields.Indexing.SQL",
        // Headless access.
        "OrchardCore.Apis.GraphQL", "OrchardCore.OpenId", "OrchardCore.OpenId.Management", "OrchardCore.OpenId.Server",
        "OrchardCore.OpenId.Validation",
        // The site and its administration: settings, users and roles, recipes and their scripts, the admin.
        "OrchardCore.Settings", "OrchardCore.Users", "OrchardCore.Roles", "OrchardCore.Recipes", "OrchardCore.Scripting",
        "OrchardCore.Features", "OrchardCore.Admin", "OrchardCore.Navigation", "OrchardCore.Resources",
        "OrchardCore.Themes", "TheAdmin",
    };

    /// <summary>Content types that Orchard Core features create, by the feature that creates them.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypeFeatures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Menu"] = "OrchardCore.Menu",
        ["LinkMenuItem"] = "OrchardCore.Menu",
        ["ContentMenuItem"] = "OrchardCore.Menu",
        ["HtmlMenuItem"] = "OrchardCore.Menu",
        ["Form"] = "OrchardCore.Forms",
        ["Label"] = "OrchardCore.Forms",
        ["Input"] = "OrchardCore.Forms",
        ["TextArea"] = "OrchardCore.Forms",
        ["Select"] = "OrchardCore.Forms",
        ["Button"] = "OrchardCore.Forms",
        ["Validation"] = "OrchardCore.Forms",
        ["ValidationSummary"] = "OrchardCore.Forms",
        ["ReCaptcha"] = "OrchardCore.ReCaptcha",
    };

    /// <summary>The feature Twinning lacks that creates the type, if Orchard Core has such a feature.</summary>
    public static string? MissingFeatureOf(string contentType)
        => TypeFeatures.TryGetValue(contentType, out var feature) && !Provided.Contains(feature) ? feature : null;
}
