using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;
using Twinning.Module.Features.ContentFields.BooleanField;
using Twinning.Module.Features.ContentFields.ContentPickerField;
using Twinning.Module.Features.ContentFields.DateField;
using Twinning.Module.Features.ContentFields.DateTimeField;
using Twinning.Module.Features.ContentFields.GeoPointField;
using Twinning.Module.Features.ContentFields.HtmlField;
using Twinning.Module.Features.ContentFields.LinkField;
using Twinning.Module.Features.ContentFields.MarkdownField;
using Twinning.Module.Features.ContentFields.MediaField;
using Twinning.Module.Features.ContentFields.MultiTextField;
using Twinning.Module.Features.ContentFields.NumericField;
using Twinning.Module.Features.ContentFields.TaxonomyField;
using Twinning.Module.Features.ContentFields.TextField;
using Twinning.Module.Features.ContentFields.TimeField;

namespace Twinning.Module.Features.ContentFields;

/// <summary>One field type: its name in definitions and the JSON members its value holds.
/// Each concern (validation, index values) is a further interface the same class implements.</summary>
public interface IContentFieldType
{
    string Name { get; }

    /// <summary>The members a value of this type holds, as Orchard Core writes them.</summary>
    IReadOnlyList<string> Members { get; }
}

/// <summary>Checks one value of a field type against its JSON shape and its definition's settings, normalising what it accepts.</summary>
public interface IContentFieldValidation : IContentFieldType
{
    Task ValidateAsync(FieldValidation field);
}

/// <summary>The typed values a field type gives the field value index (filters and sorting).</summary>
public interface IContentFieldIndexing : IContentFieldType
{
    /// <summary>The column the values go to, or null when the type is not indexed.</summary>
    FieldValueKind? IndexKind { get; }

    IEnumerable<FieldIndexValue> IndexValues(JsonObject field);

    /// <summary>The content items a value refers to, in its order: the reference rows of pickers and taxonomy terms.
    /// None unless the type refers to items.</summary>
    IEnumerable<string> ReferencedItemIds(JsonObject field) => [];

    /// <summary>The media library paths a value uses, each once in the library's form: the rows that keep those files.
    /// None unless the type holds media.</summary>
    IEnumerable<string> UsedMediaPaths(JsonObject field) => [];
}

/// <summary>How a field type appears in GraphQL (<c>&lt;FieldType&gt;GraphQL.cs</c> in its folder); Features/GraphQL asks it by
/// the type name in the definition.</summary>
public interface IContentFieldGraphQL : IContentFieldType
{
    /// <summary>The GraphQL type of a value of this field and how it is read.</summary>
    ContentFieldGraph GraphType(IContentGraph graph);

    /// <summary>The scalar that <c>where</c> compares the field's index values with (which comparisons, follows
    /// <see cref="IContentFieldIndexing.IndexKind"/>); null for a type that is not in the field value index.</summary>
    Type? WhereInputType { get; }
}

/// <summary>A field's GraphQL type: a scalar read from the field's JSON, or an object type whose resolvers read a
/// <see cref="FieldSource"/>.</summary>
public sealed record ContentFieldGraph(Type? Type, IGraphType? ResolvedType, Func<FieldSource, object?> Value)
{
    public static ContentFieldGraph OfScalar<TGraph>(Func<JsonObject, object?> read) where TGraph : IGraphType
        => new(typeof(TGraph), null, source => read(source.Field));

    public static ContentFieldGraph OfObject(IGraphType type) => new(null, type, source => source);
}

/// <summary>The field types the engine accepts, each with its handlers, looked up by the type name a definition holds.</summary>
public static class ContentFieldTypes
{
    /// <summary>The field types Orchard Core's ContentFields and Spatial modules provide: the names a definition may use.
    /// Written out apart from the handlers so that a test can tell a type that has lost one.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "TextField", "HtmlField", "MarkdownField", "NumericField", "BooleanField", "DateField", "DateTimeField",
        "TimeField", "LinkField", "MediaField", "ContentPickerField", "TaxonomyField", "GeoPointField", "MultiTextField",
    };

    private static readonly Dictionary<string, IContentFieldType> Handlers = new IContentFieldType[]
    {
        new TextFieldType(), new HtmlFieldType(), new MarkdownFieldType(), new NumericFieldType(), new BooleanFieldType(),
        new DateFieldType(), new DateTimeFieldType(), new TimeFieldType(), new LinkFieldType(), new MediaFieldType(),
        new ContentPickerFieldType(), new TaxonomyFieldType(), new GeoPointFieldType(), new MultiTextFieldType(),
    }.ToDictionary(h => h.Name, StringComparer.Ordinal);

    /// <summary>The handler of a known field type, or null for a name the engine does not accept.</summary>
    public static IContentFieldType? Find(string fieldType)
        => Known.Contains(fieldType) ? Handlers.GetValueOrDefault(fieldType) : null;

    public static IContentFieldValidation? Validation(string fieldType) => Find(fieldType) as IContentFieldValidation;

    public static IContentFieldIndexing? Indexing(string fieldType) => Find(fieldType) as IContentFieldIndexing;

    public static IContentFieldGraphQL? GraphQL(string fieldType) => Find(fieldType) as IContentFieldGraphQL;
}
