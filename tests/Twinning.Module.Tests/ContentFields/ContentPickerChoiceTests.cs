using Twinning.Module.Features.ContentFields.ContentPickerField;

namespace Twinning.Module.Tests.ContentFields;

/// <summary>What a content picker's form saves: the kept items in their order, then those typed by id (the editor
/// without scripts), each once; a picker of one item takes the typed one instead.</summary>
public sealed class ContentPickerChoiceTests
{
    [Fact]
    public void KeptItemsKeepTheirOrderAndTypedIdsFollowOnceEach()
        => Assert.Equal(["c", "a", "b", "d"], ContentPickerFieldEditor.Choose(["c", "a", "", "c"], " b, d a ", multiple: true));

    [Fact]
    public void APickerOfOneItemTakesTheTypedIdInsteadOfTheKeptOne()
        => Assert.Equal(["b"], ContentPickerFieldEditor.Choose(["a"], "b", multiple: false));

    [Fact]
    public void APickerOfOneItemKeepsItsItemWhenNothingIsTyped()
        => Assert.Equal(["a"], ContentPickerFieldEditor.Choose(["a"], "  ", multiple: false));

    [Fact]
    public void NothingKeptAndNothingTypedIsNoItem()
        => Assert.Empty(ContentPickerFieldEditor.Choose([], "", multiple: true));
}
