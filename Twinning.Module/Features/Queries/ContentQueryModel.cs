using System.ComponentModel.DataAnnotations;
using Twinning.Module.Features.ContentFields;

namespace Twinning.Module.Features.Queries;

/// <summary>Which versions a query reads, as Orchard's GraphQL <c>PublicationStatus</c> names them.</summary>
public enum PublicationStatus
{
    /// <summary>The published version of each item.</summary>
    Published,

    /// <summary>The latest version of items whose latest version is not published.</summary>
    Draft,

    /// <summary>The latest version of each item, draft or published.</summary>
    Latest,

    /// <summary>Every version, history included.</summary>
    All,
}

public enum FilterOperator
{
    Eq,
    Not,
    Gt,
    Gte,
    Lt,
    Lte,
    Contains,
    NotContains,
    StartsWith,
    NotStartsWith,
    EndsWith,
    NotEndsWith,
    In,
    NotIn,
}

/// <summary>The envelope and index columns of a version that queries filter and sort on.</summary>
public enum ContentColumn
{
    ContentItemId,
    ContentItemVersionId,
    ContentType,
    DisplayText,
    Published,
    Latest,
    CreatedUtc,
    ModifiedUtc,
    PublishedUtc,
    Owner,
    Author,
    Culture,
    LocalizationSet,
    /// <summary>AutoroutePart's path (GraphQL's <c>where: { path }</c>).</summary>
    Path,
}

public static class ContentColumns
{
    /// <summary>The envelope columns a list may be ordered by, under the names the REST list's <c>orderBy</c> and
    /// GraphQL's <c>orderBy</c> input give them (GraphQL lists them in this order).</summary>
    public static IReadOnlyDictionary<string, ContentColumn> Orderable { get; } = new Dictionary<string, ContentColumn>(StringComparer.Ordinal)
    {
        ["contentItemId"] = ContentColumn.ContentItemId,
        ["contentItemVersionId"] = ContentColumn.ContentItemVersionId,
        ["contentType"] = ContentColumn.ContentType,
        ["displayText"] = ContentColumn.DisplayText,
        ["published"] = ContentColumn.Published,
        ["latest"] = ContentColumn.Latest,
        ["createdUtc"] = ContentColumn.CreatedUtc,
        ["modifiedUtc"] = ContentColumn.ModifiedUtc,
        ["publishedUtc"] = ContentColumn.PublishedUtc,
        ["owner"] = ContentColumn.Owner,
        ["author"] = ContentColumn.Author,
    };
}

/// <summary>A condition on versions. Values are already of the column's or field's type: string, decimal, bool,
/// DateTime (UTC); for <see cref="FilterOperator.In"/> and <see cref="FilterOperator.NotIn"/> a list of them.</summary>
public abstract record ContentFilter;

public sealed record ColumnFilter(ContentColumn Column, FilterOperator Operator, object? Value) : ContentFilter;

/// <summary>A condition on a field value (<see cref="ContentFieldValueRecord"/>): true when some value of the field
/// matches; the negated operators hold when no value matches the positive one.</summary>
public sealed record FieldFilter(FieldReference Field, FilterOperator Operator, object? Value) : ContentFilter;

public sealed record AllOf(IReadOnlyList<ContentFilter> Filters) : ContentFilter;

public sealed record AnyOf(IReadOnlyList<ContentFilter> Filters) : ContentFilter;

public sealed record NotFilter(ContentFilter Filter) : ContentFilter;

/// <summary>Versions of translatable items (in a localization set) whose set has no item in <paramref name="Culture"/>
/// (by the items' latest versions): "missing translation into X". Items outside any set never match.</summary>
public sealed record MissingTranslationFilter(string Culture) : ContentFilter;

/// <summary>Versions of translations whose set's source (its item in <paramref name="SourceCulture"/>, the site's default
/// culture) was saved after the translation's latest version (<see cref="Twinning.Core.Content.Localization.Translations"/>):
/// "translation outdated". The source itself and items outside any set never match.</summary>
public sealed record OutdatedTranslationFilter(string SourceCulture) : ContentFilter;

/// <summary>Versions that refer to one of <paramref name="ContentItemIds"/> through a content picker or a taxonomy field
/// (their <c>ContentReferences</c> rows): "forums with this partner city", "panels of this kind".</summary>
public sealed record ReferencesFilter(IReadOnlyList<string> ContentItemIds) : ContentFilter;

/// <summary>A field of a part instance (<c>Forum.StartDate</c>) and the column its values are indexed in.</summary>
public sealed record FieldReference(string PartName, string FieldName, FieldValueKind Kind);

/// <summary>One sort key: a column or a field value (the smallest value of a multi-valued field).</summary>
public sealed record ContentOrder(ContentColumn? Column, FieldReference? Field, bool Descending)
{
    public static ContentOrder By(ContentColumn column, bool descending = false) => new(column, null, descending);

    public static ContentOrder By(FieldReference field, bool descending = false) => new(null, field, descending);
}

/// <summary>What to read: a type (or every type), the versions, a culture, conditions, order and a page.</summary>
public sealed class ContentQuerySpec
{
    public string? ContentType { get; set; }
    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    /// <summary>Only versions in this culture.</summary>
    public string? Culture { get; set; }

    /// <summary>For each localization set, one version: in this culture, else the site's default culture
    /// (<see cref="DefaultCulture"/>), else the first one stored. Items outside any set are kept.</summary>
    public string? PreferredCulture { get; set; }

    public string? DefaultCulture { get; set; }

    /// <summary>Only versions owned by this user (a caller that may view only its own items): of every type, or of
    /// <see cref="OwnContentTypes"/> when <see cref="ContentTypes"/> limits a list of every type.</summary>
    public string? Owner { get; set; }

    /// <summary>For a list of every type, the types the caller may list in full; null when it may list them all.</summary>
    public IReadOnlyList<string>? ContentTypes { get; set; }

    /// <summary>For a list of every type, the types of which the caller may list only its own items.</summary>
    public IReadOnlyList<string>? OwnContentTypes { get; set; }

    /// <summary>
    /// <see cref="ContentTypes"/> and <see cref="OwnContentTypes"/> hold (nearly) every stored item, as the listable
    /// types of the admin's list of all content do. A page is then read in the list's order and each entry's type (and
    /// filter) checked on the way, instead of gathering every item of each type and sorting them all: a page of the
    /// newest costs a page of index entries, not a sort of every item. Only the latest versions by modification time
    /// are read so, the order an index holds for all types. The results are the same either way.
    /// </summary>
    public bool TypesHoldMostItems { get; set; }

    public ContentFilter? Filter { get; set; }
    public List<ContentOrder> Order { get; } = [];
    public int Skip { get; set; }

    /// <summary><see cref="Skip"/> counts from the end of the order: the page is read in the reverse order (every key
    /// and the id tie-breaker turned round) and returned in the order asked. A page near the end of a long list then
    /// costs what one near its start does, instead of reading past every entry before it.</summary>
    public bool FromEnd { get; set; }

    /// <summary>The page size; null takes <see cref="QueryOptions.DefaultPageSize"/>.</summary>
    public int? Take { get; set; }
}

/// <summary>Paging limits (<c>Twinning:Queries</c>), for the REST list and GraphQL alike.</summary>
public sealed class QueryOptions
{
    public const string Section = "Twinning:Queries";

    [Range(1, 100_000)]
    public int DefaultPageSize { get; set; } = 100;

    [Range(1, 100_000)]
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Memory for parsed content item versions shared by the read APIs (<see cref="ContentItemCache"/>);
    /// 0 turns it off.</summary>
    [Range(0, 65_536)]
    public int ItemCacheMegabytes { get; set; } = 128;
}

/// <summary>A query argument out of range or unknown; <see cref="Parameter"/> names it as the caller wrote it.</summary>
public sealed class ContentQueryException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
