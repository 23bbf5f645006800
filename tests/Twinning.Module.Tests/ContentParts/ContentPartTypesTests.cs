using Twinning.Module.Features.ContentParts;

namespace Twinning.Module.Tests.ContentParts;

/// <summary>A part type the engine provides (a type may use it without a part definition) must have its own handler
/// for each concern: without one, its rules would not run on save, its index columns would stay empty (lists, cultures,
/// paths), or GraphQL would not show it.</summary>
public sealed class ContentPartTypesTests
{
    public static TheoryData<string> KnownPartTypes() => new(ContentPartTypes.Known.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(KnownPartTypes))]
    public void EveryBuiltInPartTypeHasAHandlerForEachConcern(string partType)
    {
        var handler = ContentPartTypes.Find(partType);

        Assert.NotNull(handler);
        Assert.Equal(partType, handler.Name);
        Assert.Same(handler, ContentPartTypes.Validation(partType));
        Assert.Same(handler, ContentPartTypes.Indexing(partType));
        Assert.Same(handler, ContentPartTypes.GraphQL(partType));
    }

    [Fact]
    public void TheElevenPartsOfOrchardCoreTheEngineProvidesAreKnownAndTheWeldedOnesAmongThem()
    {
        Assert.Equal(11, ContentPartTypes.Known.Count);
        Assert.Subset(ContentPartTypes.Known.ToHashSet(), ContentPartTypes.Welded.ToHashSet());
        Assert.Equal(ContentPartTypes.Known.Order(StringComparer.Ordinal), ContentPartTypes.All.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void APartTheDefinitionsMustDeclareHasNoHandler()
    {
        Assert.Null(ContentPartTypes.Find("Article"));
        Assert.Null(ContentPartTypes.Find("titlepart"));
        Assert.Null(ContentPartTypes.GraphQL("AliasPart"));
    }
}
