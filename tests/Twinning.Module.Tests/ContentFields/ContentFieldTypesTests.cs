using Twinning.Module.Features.ContentFields;

namespace Twinning.Module.Tests.ContentFields;

/// <summary>A field type the engine accepts in a definition must be validated and indexed by its own handler:
/// without one, its values would be refused as of an unknown type, or silently left out of filters.</summary>
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
    }
}
