using System.Text.Json.Nodes;
using GraphQL.Resolvers;
using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.MediaField;

/// <summary><c>MediaField { paths mediaTexts files(first, skip) }</c>; each file with its URL (path segments escaped), text, anchor
/// and the resizing fields of <see cref="MediaResizeFields"/>.</summary>
public sealed partial class MediaFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfObject(graph.Shared(Name, () => MediaGraphType(graph)));

    public Type? WhereInputType => null;

    private sealed record MediaFile(string Path, string? MediaText, JsonObject? Anchor);

    private ObjectGraphType MediaGraphType(IContentGraph graph)
    {
        var anchor = new ObjectGraphType { Name = "MediaAnchor" };
        anchor.AddField(ContentGraphParts.Field<DecimalGraphType>("x", s => ContentGraphParts.Number((s as JsonObject)?["X"])));
        anchor.AddField(ContentGraphParts.Field<DecimalGraphType>("y", s => ContentGraphParts.Number((s as JsonObject)?["Y"])));
        var file = new ObjectGraphType { Name = "MediaFile" };
        file.AddField(ContentGraphParts.Field<StringGraphType>("fileName", s => s is MediaFile f ? f.Path[(f.Path.LastIndexOf('/') + 1)..] : null));
        file.AddField(ContentGraphParts.Field<StringGraphType>("path", s => (s as MediaFile)?.Path));
        file.AddField(ContentGraphParts.Field<StringGraphType>("url", s => s is MediaFile f ? MediaResizeFields.PublicUrl(f.Path) : null));
        file.AddField(ContentGraphParts.Field<StringGraphType>("mediaText", s => (s as MediaFile)?.MediaText));
        file.AddField(new FieldType { Name = "anchor", ResolvedType = anchor, Resolver = new FuncFieldResolver<object?>(c => (c.Source as MediaFile)?.Anchor) });
        MediaResizeFields.AddTo(file, s => (s as MediaFile)?.Path, s => (s as MediaFile)?.Anchor is { } a
            && ContentGraphParts.Number(a["X"]) is { } x && ContentGraphParts.Number(a["Y"]) is { } y ? new((float)x, (float)y) : null);
        var media = new ObjectGraphType { Name = Name };
        media.AddField(ContentGraphParts.Field<ListGraphType<StringGraphType>>("paths", s => ContentGraphParts.Strings((s as FieldSource)?.Field["Paths"])));
        media.AddField(ContentGraphParts.Field<ListGraphType<StringGraphType>>("mediaTexts", s => ContentGraphParts.Strings((s as FieldSource)?.Field["MediaTexts"])));
        media.AddField(graph.PagedField("files", file, s =>
        {
            var field = (s as FieldSource)?.Field;
            var paths = ContentGraphParts.Strings(field?["Paths"]);
            var texts = ContentGraphParts.Strings(field?["MediaTexts"]);
            var anchors = field?["Anchors"] as JsonArray ?? [];
            return paths.Select((p, i) => new MediaFile(p, i < texts.Count ? texts[i] : null, i < anchors.Count ? anchors[i] as JsonObject : null));
        }));
        return media;
    }
}
