using Twinning.Module.Features.Media;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Tests.Media;

public sealed class MediaQueryParserTests
{
    private static readonly MediaOptions Options = new();

    private static MediaQuery? Parse(string query)
    {
        Assert.True(MediaQueryParser.TryParse(query, Options, out var parsed, out var error), error.Message);
        return parsed;
    }

    [Theory]
    [InlineData("")]
    [InlineData("?v=abc")]
    [InlineData("?utm_source=mail&v=3")]
    [InlineData("?token=abc")]
    public void WithoutAProcessingCommandThereIsNothingToDo(string query) => Assert.Null(Parse(query));

    [Fact]
    public void CommandsAreReadAndTheSignedValuesKeepTheQueryOrder()
    {
        var query = Parse("?height=50&utm=x&width=100&rmode=CROP&rxy=0.25,0.75&format=jpeg&quality=60&bgcolor=white&v=7&token=t")!;

        Assert.Equal(["height", "width", "rmode", "rxy", "format", "quality", "bgcolor", "v"], query.SignedCommands.Select(p => p.Key));
        Assert.Equal(["50", "100", "CROP", "0.25,0.75", "jpeg", "60", "white", "7"], query.SignedCommands.Select(p => p.Value));
        Assert.Equal("t", query.Token);
        Assert.Equal("height", query.FirstCommand);
        Assert.Equal(new ResizeCommands
        {
            Width = 100, Height = 50, Mode = ResizeMode.Crop, FocalPoint = new MediaAnchor(0.25f, 0.75f), Format = MediaFormat.Jpg,
            Quality = 60, Background = new MediaColor(255, 255, 255, 255), Version = "7",
        }, query.Commands);
    }

    [Theory]
    [InlineData("white", 255, 255, 255, 255)]
    [InlineData("ffff00", 255, 255, 0, 255)]
    [InlineData("ffff0080", 255, 255, 0, 128)]
    [InlineData("f00", 255, 0, 0, 255)]
    [InlineData("f008", 255, 0, 0, 136)]
    [InlineData("128,64,32", 128, 64, 32, 255)]
    [InlineData("128,64,32,16", 128, 64, 32, 16)]
    [InlineData("Transparent", 255, 255, 255, 0)]
    public void ColoursAreReadAsOrchardWritesThem(string text, int r, int g, int b, int a)
    {
        Assert.True(MediaQueryParser.TryParseColor(text, out var color));
        Assert.Equal(new MediaColor((byte)r, (byte)g, (byte)b, (byte)a), color);
    }

    [Theory]
    [InlineData("nocolour")]
    [InlineData("ffff0")]
    [InlineData("256,0,0")]
    [InlineData("1,2")]
    [InlineData("Window")]
    public void OtherTextIsNotAColour(string text) => Assert.False(MediaQueryParser.TryParseColor(text, out _));

    [Theory]
    [InlineData("?width=-1", "width")]
    [InlineData("?width=4097", "width")]
    [InlineData("?height=1.5", "height")]
    [InlineData("?width=10&rxy=0.5", "rxy")]
    [InlineData("?width=10&rxy=0.5,NaN", "rxy")]
    [InlineData("?width=10&format=tga", "format")]
    [InlineData("?width=10&quality=101", "quality")]
    [InlineData("?width=10&v=1&v=2", "v")]
    [InlineData("?width=abc", "width")]
    [InlineData("?width=0", "width")]
    [InlineData("?height=5000", "height")]
    [InlineData("?width=100&rmode=zoom", "rmode")]
    [InlineData("?width=100&rmode=crop&rxy=2,0.5", "rxy")]
    [InlineData("?width=100&format=bmp", "format")]
    [InlineData("?width=100&quality=0", "quality")]
    [InlineData("?width=100&rmode=pad&bgcolor=notacolour", "bgcolor")]
    [InlineData("?width=100&width=200", "width")]
    [InlineData("?width=100&autoorient=maybe", "autoorient")]
    public void AnInvalidValueNamesItsParameter(string query, string field)
    {
        Assert.False(MediaQueryParser.TryParse(query, Options, out _, out var error));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void SpellingsOfOneRequestNormaliseAlike()
    {
        var a = Parse("?width=100&rmode=max&format=jpeg")!.Commands;
        var b = Parse("?format=jpg&width=100")!.Commands;
        var png = Parse("?width=100&format=png&quality=20")!.Commands;
        var pngDefault = Parse("?width=100&format=png")!.Commands;

        Assert.Equal(a.Normalized(), b.Normalized());
        Assert.Equal(png.Normalized(), pngDefault.Normalized());
        Assert.NotEqual(Parse("?width=100&quality=20")!.Commands.Normalized(), Parse("?width=100")!.Commands.Normalized());
    }

    [Fact]
    public void WithoutTokensOnlySupportedSizesAndNoFocalPointOrColourPass()
    {
        Assert.Null(MediaQueryParser.CheckUnsigned(Parse("?width=100&height=1024&rmode=crop")!, Options));
        Assert.Equal("width", MediaQueryParser.CheckUnsigned(Parse("?width=101")!, Options)?.Field);
        Assert.Equal("rxy", MediaQueryParser.CheckUnsigned(Parse("?width=100&rxy=0,0")!, Options)?.Field);
        Assert.Equal("bgcolor", MediaQueryParser.CheckUnsigned(Parse("?width=100&bgcolor=red")!, Options)?.Field);
    }
}
