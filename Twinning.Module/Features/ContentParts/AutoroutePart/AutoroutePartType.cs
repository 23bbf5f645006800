using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Shapes;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentParts.AutoroutePart;

/// <summary>The item's path: a given one must be valid and unused; without one, a unique slug of the title is made.
/// Indexed in the version's <c>Path</c> column, which keeps paths unique.</summary>
public sealed partial class AutoroutePartType : IContentPartValidation, IContentPartIndexing
{
    public string Name => "AutoroutePart";
    public IReadOnlyList<string> Members { get; } = ["Path", "SetHomepage", "Disabled", "RouteContainedItems", "Absolute"];
    public bool ClaimsSiteWideValues => true;

    public async Task ValidateAsync(PartValidation part)
    {
        // A bag item or term has no address of its own.
        if (part.Nested)
        {
            return;
        }
        var item = part.Item;
        var lookup = part.Scope.Lookup;
        var given = part.Text("Path");
        if (!string.IsNullOrWhiteSpace(given))
        {
            if (!Slug.IsValidPath(given))
            {
                part.Fail("Path", "Autoroute.InvalidPath", ("path", given));
            }
            else if (await lookup.IsPathTakenAsync(given, item.ContentItemId))
            {
                part.Fail("Path", "Autoroute.PathTaken", ("path", given));
            }
            return;
        }
        // A title of the wrong kind is reported by the TitlePart check; the slug then falls back to the display text.
        var title = item.Part("TitlePart")?["Title"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : item.DisplayText;
        var slug = Slug.From(title);
        if (slug.Length == 0)
        {
            return;
        }
        var candidate = slug;
        for (var n = 2; await lookup.IsPathTakenAsync(candidate, item.ContentItemId); n++)
        {
            candidate = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        part.Part["Path"] = candidate;
    }

    public void Index(JsonObject? part, ContentItemVersionRecord record) => record.Path = PartIndex.Text(part, "Path");
}
