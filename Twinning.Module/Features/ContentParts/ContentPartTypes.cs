using System.Text.Json.Nodes;
using GraphQL.Types;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;
using Twinning.Module.Features.ContentParts.AutoroutePart;
using Twinning.Module.Features.ContentParts.BagPart;
using Twinning.Module.Features.ContentParts.ContainedPart;
using Twinning.Module.Features.ContentParts.FlowPart;
using Twinning.Module.Features.ContentParts.HtmlBodyPart;
using Twinning.Module.Features.ContentParts.ListPart;
using Twinning.Module.Features.ContentParts.LocalizationPart;
using Twinning.Module.Features.ContentParts.MarkdownBodyPart;
using Twinning.Module.Features.ContentParts.TaxonomyPart;
using Twinning.Module.Features.ContentParts.TermPart;
using Twinning.Module.Features.ContentParts.TitlePart;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentParts;

/// <summary>One built-in part type: its name and the properties it holds. Each concern (validation, index values,
/// GraphQL) is a further interface the same class implements, in its own file of the part's folder.</summary>
public interface IContentPartType
{
    string Name { get; }

    /// <summary>The properties the part holds, as Orchard Core writes them (a member sent in another case is refused).</summary>
    IReadOnlyList<string> Members { get; }
}

/// <summary>The part's own rules, run by <c>ContentValidator</c> for each part of an item; they may normalise what they accept.</summary>
public interface IContentPartValidation : IContentPartType
{
    Task ValidateAsync(PartValidation part);

    /// <summary>Whether the rules refuse a value that another item holds (an address, a culture of a localization
    /// set): the saves of such items then take turns, so that two at once cannot both take it.</summary>
    bool ClaimsSiteWideValues => false;
}

/// <summary>What the part gives the version's index row (<c>ContentIndexer</c>).</summary>
public interface IContentPartIndexing : IContentPartType
{
    /// <summary>Fills the index columns the part owns from the part named like its type, or clears them when
    /// <paramref name="part"/> is null. None unless the part has columns.</summary>
    void Index(JsonObject? part, ContentItemVersionRecord record)
    {
    }

    /// <summary>The content items the part holds whose fields give reference rows too (a bag's items). None by default.</summary>
    IEnumerable<JsonObject> NestedItems(JsonObject part) => [];
}

/// <summary>How the part appears in GraphQL; Features/GraphQL asks it by the part name in the definition.</summary>
public interface IContentPartGraphQL : IContentPartType
{
    /// <summary>The fields the part gives an item of <paramref name="type"/> in which it sits as <paramref name="instance"/>: for
    /// most parts one, named after the instance (<see cref="IContentGraph.PartField"/>); none for a part GraphQL does not show.</summary>
    IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance);

    /// <summary>Whether the part's fields sit on the item rather than under the part's field, whatever the type's
    /// <c>GraphQLContentTypePartSettings</c> say (Orchard collapses AutoroutePart so). False by default.</summary>
    bool CollapsedByDefault => false;

    /// <summary>The index columns the part lets <c>where</c> compare: on the where input itself when the part is
    /// collapsed, else in an input object named <see cref="WhereInputName"/> under the part's field name. None by default.</summary>
    IEnumerable<PartWhereColumn> WhereColumns => [];

    /// <summary>Orchard's name of the part's where input object (<c>LocalizationInputObjectType</c>).</summary>
    string WhereInputName => Name + "Input";
}

/// <summary>An index column a part's where input compares (<c>path</c>, <c>culture</c>); with <paramref name="Suffixes"/> the
/// comparison suffixes of its scalar too (<c>path_starts_with</c>).</summary>
public sealed record PartWhereColumn(string Name, ContentColumn Column, bool Suffixes = true);

/// <summary>The built-in part types, each with its handlers, looked up by the part name a definition holds.</summary>
public static class ContentPartTypes
{
    /// <summary>The Orchard Core parts whose behaviour the engine provides: a type may use them without a part definition.
    /// Written out apart from the handlers so that a test can tell a part that has lost one.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "TitlePart", "AutoroutePart", "HtmlBodyPart", "MarkdownBodyPart", "ListPart", "BagPart", "FlowPart", "LocalizationPart",
        "TaxonomyPart", "TermPart", "ContainedPart",
    };

    /// <summary>Parts welded onto an item by the list or taxonomy that holds it, whether or not its type declares them.</summary>
    public static readonly IReadOnlySet<string> Welded = new HashSet<string>(StringComparer.Ordinal) { "ContainedPart", "TermPart" };

    private static readonly Dictionary<string, IContentPartType> Handlers = new IContentPartType[]
    {
        new TitlePartType(), new AutoroutePartType(), new HtmlBodyPartType(), new MarkdownBodyPartType(), new ListPartType(),
        new BagPartType(), new FlowPartType(), new LocalizationPartType(), new TaxonomyPartType(), new TermPartType(), new ContainedPartType(),
    }.ToDictionary(h => h.Name, StringComparer.Ordinal);

    /// <summary>The handlers of the known part types.</summary>
    public static IEnumerable<IContentPartType> All => Known.Select(Find).OfType<IContentPartType>();

    /// <summary>The handler of a built-in part type, or null for a part the definitions must declare.</summary>
    public static IContentPartType? Find(string partName)
        => Known.Contains(partName) ? Handlers.GetValueOrDefault(partName) : null;

    public static IContentPartValidation? Validation(string partName) => Find(partName) as IContentPartValidation;

    public static IContentPartIndexing? Indexing(string partName) => Find(partName) as IContentPartIndexing;

    public static IContentPartGraphQL? GraphQL(string partName) => Find(partName) as IContentPartGraphQL;
}
