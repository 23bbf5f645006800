using Twinning.Module.Features.ContentFields;

namespace Twinning.Module.Tests.ContentFields;

/// <summary>A field type the engine accepts in a definition must be validated, indexed and shown in GraphQL by its own
/// handler: without one, its values would be refused as of an unknown type, silently left out of filters, or missing
/// from the GraphQL schema.</summary>
public sealed class ContentFieldTypesTests
{
    public static TheoryData<string> KnownFieldTypes() => new(ContentFieldTypes.Known.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(KnownFieldTypes))]
    public void EveryAcceptedFieldTypeHasAHandlerForEachConcern(string fieldType)
    {
        var handler = ContentFieldTypes.Find(fieldType);

        Assert.NotNull(handler);
        Assert.Equal(fieldType, handler.Name);
        Assert.NotEmpty(handler.Members);
        Assert.Same(handler, ContentFieldTypes.Validation(fieldType));
        Assert.Same(handler, ContentFieldTypes.Indexing(fieldType));
        Assert.Same(handler, ContentFieldTypes.GraphQL(fieldType));
    }

    [Theory]
    [MemberData(nameof(KnownFieldTypes))]
    public void AFieldTypeCanBeFilteredInGraphQLExactlyWhenItIsInTheFieldValueIndex(string fieldType)
    {
        // The where-input compares index values: an indexed type without one could not be filtered on, and a where
        // input without index values would match nothing.
        Assert.Equal(ContentFieldTypes.Indexing(fieldType)!.IndexKind is null, ContentFieldTypes.GraphQL(fieldType)!.WhereInputType is null);
    }

    [Fact]
    public void TheFourteenFieldTypesOfOrchardCoreAreAccepted()
    {
        Assert.Equal(14, ContentFieldTypes.Known.Count);
    }

    [Fact]
    public void AnUnknownFieldTypeHasNoHandler()
    {
        Assert.Null(ContentFieldTypes.Find("textfield"));
        Assert.Null(ContentFieldTypes.Validation("ColorField"));
        Assert.Null(ContentFieldTypes.GraphQL("ColorField"));
    }
}
