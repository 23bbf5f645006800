using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Reads stored content the way a front end or an editor would look for it: by type, title and culture.</summary>
public static class ContentReading
{
    public static Task<IReadOnlyList<ContentItem>> ListAsync(this TwinningApplication app, string contentType, string? culture = null, VersionOptions options = VersionOptions.Published)
        => app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync(contentType, options, culture));

    public static async Task<ContentItem> SingleAsync(this TwinningApplication app, string contentType, string title, string culture = "pl-PL")
        => (await app.ListAsync(contentType, culture)).Single(i => i.DisplayText == title);

    public static Task<ContentItem?> GetAsync(this TwinningApplication app, string contentItemId, VersionOptions options = VersionOptions.Published)
        => app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetAsync(contentItemId, options));

    /// <summary>A string at a dotted path such as <c>Forum.Venue.Text</c>.</summary>
    public static string? Text(this ContentItem item, string path) => Node(item, path)?.GetValue<string>();

    public static JsonNode? Node(this ContentItem item, string path)
    {
        JsonNode? node = item.Data;
        foreach (var segment in path.Split('.'))
        {
            node = node?[segment];
        }
        return node;
    }

    /// <summary>The content items held by a bag part.</summary>
    public static IReadOnlyList<ContentItem> Bag(this ContentItem item, string bagName)
        => (item.Node($"{bagName}.ContentItems") as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(ContentItemJsonConverter.FromJson)
            .ToList();

    public static IReadOnlyList<string> Ids(this ContentItem item, string pickerPath)
        => (item.Node($"{pickerPath}.ContentItemIds") as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList();
}
