using Twinning.Module.Features.Validation;

namespace Twinning.Module.Tests.Validation;

public sealed class MemberNamesTests
{
    private static readonly string[] LinkMembers = ["Url", "Text", "Target"];

    [Theory]
    [InlineData("url", "Url")]
    [InlineData("TEXT", "Text")]
    [InlineData("tArGeT", "Target")]
    public void AMemberNamingAnotherInADifferentCaseIsFound(string key, string meant)
    {
        Assert.Equal(meant, MemberNames.CaseVariantOf(key, LinkMembers));
    }

    [Theory]
    [InlineData("Url")]
    [InlineData("Extra")]
    [InlineData("Urls")]
    [InlineData("")]
    public void AnExactNameOrAnUnrelatedOneIsNoVariant(string key)
    {
        Assert.Null(MemberNames.CaseVariantOf(key, LinkMembers));
    }
}
