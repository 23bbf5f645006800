using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentGraph;

/// <summary>
/// The schema being built, as a field or part type sees it when it describes its GraphQL type
/// (<c>ContentFields/&lt;Field&gt;/&lt;Field&gt;GraphQL.cs</c>, <c>ContentParts/&lt;Part&gt;/&lt;Part&gt;GraphQL.cs</c>).
/// Features/GraphQL implements it (<c>ContentSchemaBuilder</c>) and asks each type by the name in the definition;
/// the field and part folders depend on this contract only, never on Features/GraphQL.
/// </summary>
public interface IContentGraph
{
    ContentDefinitionDocument Definitions { get; }

    /// <summary>The <c>ContentItem</c> interface every content type implements.</summary>
    InterfaceGraphType ContentItem { get; }

    /// <summary>Whether items of the type appear in the schema (a related item of another type is left out).</summary>
    bool InSchema(string contentType);

    /// <summary>The one graph type kept under <paramref name="key"/> (its name, as a rule), created on first use: a schema
    /// holds one type per name, so two fields of one field type share it.</summary>
    IGraphType Shared(string key, Func<IGraphType> create);

    /// <summary>A list of items the value holds itself (bag items, taxonomy terms), with <c>first</c>/<c>skip</c>,
    /// only of types in the schema that the caller may view.</summary>
    FieldType ItemsField(string name, Func<IResolveFieldContext, IReadOnlyList<ContentItem>> items);

    /// <summary>The same for items loaded in one batch per level (<see cref="IContentGraphRequest"/>); <paramref name="defaultFirst"/>
    /// gives <c>first</c> and <c>skip</c> default values.</summary>
    FieldType DeferredItemsField(string name, int? defaultFirst, Func<IResolveFieldContext, Deferred<IReadOnlyList<ContentItem>>> items);

    /// <summary>A list of strings the value holds (picked ids, term ids) with Orchard's <c>first</c>/<c>skip</c>.</summary>
    FieldType IdsField(string name, Func<object?, IReadOnlyList<string>> ids);

    /// <summary>A list of objects of <paramref name="itemType"/> the value holds (media files) with <c>first</c>/<c>skip</c>.</summary>
    FieldType PagedField(string name, IGraphType itemType, Func<object?, IEnumerable<object>> items);

    /// <summary>One published item by id, when the caller may view it.</summary>
    FieldType ItemField(string name, Func<IResolveFieldContext, string?> id);

    /// <summary>A part's field on an item: named by Orchard's rule for the instance (<c>TitlePart</c> → <c>title</c>),
    /// resolved to a <see cref="PartSource"/> when the item has the part.</summary>
    FieldType PartField(string instance, IGraphType type);
}

/// <summary>What a field's GraphQL object resolves against: the item and the field's JSON.</summary>
public sealed record FieldSource(ContentItem Item, JsonObject Field);

/// <summary>What a part's GraphQL object resolves against: the item and the part's JSON.</summary>
public sealed record PartSource(ContentItem Item, JsonObject? Part);

/// <summary>The readers and small builders the field and part types share, so each reads JSON values the same way.</summary>
public static class ContentGraphParts
{
    /// <summary>GraphQL's name of a member (<c>StartDate</c> → <c>startDate</c>).</summary>
    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A number, or a number written as text, or null.</summary>
    public static decimal? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d
        : Text(node) is { } s && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>The strings of a JSON array, other kinds left out.</summary>
    public static List<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(Text).OfType<string>().ToList();

    /// <summary>A field of an object type read from its source.</summary>
    public static FieldType Field<TGraph>(string name, Func<object?, object?> read) where TGraph : IGraphType
        => new() { Name = name, Type = typeof(TGraph), Resolver = new FuncFieldResolver<object?>(c => read(c.Source)) };

    /// <summary>A shared object type of string members, read from the JSON <paramref name="json"/> gives for the source.</summary>
    public static IGraphType TextObject(this IContentGraph graph, string name, Func<object?, JsonObject?> json, params (string Field, string Member)[] members)
        => graph.Shared(name, () =>
        {
            var type = new ObjectGraphType { Name = name };
            foreach (var (field, member) in members)
            {
                type.AddField(Field<StringGraphType>(field, s => Text(json(s)?[member])));
            }
            return type;
        });

    /// <summary>A field type's object of string members (<c>HtmlField { html }</c>).</summary>
    public static IGraphType FieldTextObject(this IContentGraph graph, string name, params (string Field, string Member)[] members)
        => graph.TextObject(name, s => (s as FieldSource)?.Field, members);

    /// <summary>Orchard's Markdown object (<c>MarkdownBodyPart</c>, <c>MarkdownField</c>): <c>markdown</c> as written and
    /// <c>html</c>, the Markdown turned into HTML and sanitised like every HTML body (raw HTML in the Markdown is
    /// shown as text, not run).</summary>
    public static IGraphType MarkdownObject(this IContentGraph graph, string name, Func<object?, JsonObject?> json)
        => graph.Shared(name, () =>
        {
            var type = new ObjectGraphType { Name = name };
            type.AddField(Field<StringGraphType>("markdown", s => Text(json(s)?["Markdown"])));
            type.AddField(new FieldType
            {
                Name = "html",
                Type = typeof(StringGraphType),
                Resolver = new FuncFieldResolver<object?>(c => Text(json(c.Source)?["Markdown"]) is { Length: > 0 } markdown
                    ? ContentGraphRequest.Of(c).MarkdownHtml(markdown)
                    : null),
            });
            return type;
        });

    /// <summary>A part's object of string members (<c>TitlePart { title }</c>).</summary>
    public static IGraphType PartTextObject(this IContentGraph graph, string name, params (string Field, string Member)[] members)
        => graph.TextObject(name, s => (s as PartSource)?.Part, members);
}
