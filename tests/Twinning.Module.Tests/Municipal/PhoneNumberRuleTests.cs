using Twinning.Core.Municipal.ContactPoints;

using static Twinning.Module.Tests.Municipal.TwinningItems;

namespace Twinning.Module.Tests.Municipal;

public sealed class PhoneNumberRuleTests
{
    private const string NumberPath = "Phones.ContentItems[0].PhoneNumber.Number.Text";

    private readonly PhoneNumberRule _rule = new();

    [Theory]
    [InlineData("+48 697 697 205")]
    [InlineData("697 697 205")]
    [InlineData("+48 (697) 697-205")]
    public async Task ValidNumbersAreStoredInE164(string number)
    {
        var item = ContactPoint(phones: [Phone(number)]);

        Assert.Empty(await ValidateAsync(_rule, item));

        Assert.Equal("+48697697205", At(item, NumberPath));
    }

    [Fact]
    public async Task ForeignNumbersKeepTheirCountryCode()
    {
        var item = ContactPoint(phones: [Phone("+370 5 211 2000", "landline")]);

        Assert.Empty(await ValidateAsync(_rule, item));

        Assert.Equal("+37052112000", At(item, NumberPath));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("call the office")]
    [InlineData("+48 697 ABC DEF")]
    public async Task InvalidNumbersAreRejectedAndLeftAsWritten(string number)
    {
        var item = ContactPoint(phones: [Phone(number)]);

        var error = Assert.Single(await ValidateAsync(_rule, item));

        Assert.Equal(NumberPath, error.Field);
        Assert.StartsWith($"Phone number 1: '{number}' is not a valid phone number", error.Message, StringComparison.Ordinal);
        Assert.Equal(number, At(item, NumberPath));
    }

    [Fact]
    public async Task MissingNumberIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, ContactPoint(phones: [Phone("+48 697 697 205"), Phone("  ")])));

        Assert.Equal("Phones.ContentItems[1].PhoneNumber.Number.Text", error.Field);
        Assert.Equal("Phone number 2: the number is missing.", error.Message);
    }
}
