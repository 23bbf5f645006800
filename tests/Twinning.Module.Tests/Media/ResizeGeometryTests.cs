using Twinning.Module.Features.Media.Processing;

namespace Twinning.Module.Tests.Media;

/// <summary>The dimensions of each mode, as ImageSharp computes them for Orchard Core (source 400×200 unless said).</summary>
public sealed class ResizeGeometryTests
{
    private static ResizePlan Plan(int sourceWidth, int sourceHeight, int? width, int? height, ResizeMode mode = ResizeMode.Max, MediaAnchor? focus = null)
        => ResizeGeometry.Plan(sourceWidth, sourceHeight, new ResizeCommands { Width = width, Height = height, Mode = mode, FocalPoint = focus });

    [Fact]
    public void MaxFitsInsideTheBox()
    {
        Assert.Equal(new ResizePlan(100, 50, 100, 50, 0, 0), Plan(400, 200, 100, 100));
        Assert.Equal(new ResizePlan(200, 100, 200, 100, 0, 0), Plan(400, 200, 300, 100));
        // Enlarges, as ImageSharp's max does.
        Assert.Equal(new ResizePlan(800, 400, 800, 400, 0, 0), Plan(400, 200, 800, 800));
    }

    [Fact]
    public void OneSideIsKeptExactlyAndTheOtherFollows()
    {
        Assert.Equal(new ResizePlan(1024, 85, 1024, 85, 0, 0), Plan(1200, 100, 1024, null));
        Assert.Equal(new ResizePlan(100, 50, 100, 50, 0, 0), Plan(400, 200, null, 50));
        Assert.Equal(new ResizePlan(400, 200, 400, 200, 0, 0), Plan(400, 200, 800, null, ResizeMode.Min));
    }

    /// <summary>5,000,000 × 2,048 passed the 32-bit limit and wrapped round to a width of 165,006,544.</summary>
    [Fact]
    public void APanoramasOtherSideIsComputedBeyondTheThirtyTwoBitLimit()
        => Assert.Equal(1_024_000_000, Plan(5_000_000, 10, null, 2048).Width);

    [Fact]
    public void NoSizeKeepsTheSource() => Assert.Equal(new ResizePlan(400, 200, 400, 200, 0, 0), Plan(400, 200, null, null, ResizeMode.Crop));

    [Fact]
    public void CropCoversTheBoxAroundTheFocalPoint()
    {
        Assert.Equal(new ResizePlan(100, 100, 200, 100, -50, 0), Plan(400, 200, 100, 100, ResizeMode.Crop));
        Assert.Equal(new ResizePlan(100, 100, 200, 100, 0, 0), Plan(400, 200, 100, 100, ResizeMode.Crop, new MediaAnchor(0, 0.5f)));
        Assert.Equal(new ResizePlan(100, 100, 200, 100, -100, 0), Plan(400, 200, 100, 100, ResizeMode.Crop, new MediaAnchor(1, 0.5f)));
        // A tall box on a wide image: scaled to the height... and the width overflows.
        Assert.Equal(new ResizePlan(50, 100, 200, 100, -75, 0), Plan(400, 200, 50, 100, ResizeMode.Crop));
        // A wide box on a tall image: the height overflows and the focal point moves it.
        Assert.Equal(new ResizePlan(100, 50, 100, 200, 0, -150), Plan(200, 400, 100, 50, ResizeMode.Crop, new MediaAnchor(0.5f, 1)));
    }

    [Fact]
    public void PadCentresTheFittedImage()
    {
        Assert.Equal(new ResizePlan(100, 100, 100, 50, 0, 25), Plan(400, 200, 100, 100, ResizeMode.Pad));
        Assert.Equal(new ResizePlan(100, 100, 50, 100, 25, 0), Plan(200, 400, 100, 100, ResizeMode.Pad));
    }

    [Fact]
    public void BoxPadDoesNotEnlarge()
    {
        Assert.Equal(new ResizePlan(100, 100, 40, 20, 30, 40), Plan(40, 20, 100, 100, ResizeMode.BoxPad));
        Assert.Equal(Plan(400, 200, 100, 100, ResizeMode.Pad), Plan(400, 200, 100, 100, ResizeMode.BoxPad));
    }

    [Fact]
    public void MinMatchesTheSideWithLessToShrinkAndNeverEnlarges()
    {
        Assert.Equal(new ResizePlan(200, 100, 200, 100, 0, 0), Plan(400, 200, 100, 100, ResizeMode.Min));
        Assert.Equal(new ResizePlan(390, 195, 390, 195, 0, 0), Plan(400, 200, 390, 100, ResizeMode.Min));
        Assert.Equal(new ResizePlan(400, 200, 400, 200, 0, 0), Plan(400, 200, 500, 100, ResizeMode.Min));
    }

    [Fact]
    public void StretchTakesTheBoxAsItIs() => Assert.Equal(new ResizePlan(50, 300, 50, 300, 0, 0), Plan(400, 200, 50, 300, ResizeMode.Stretch));
}
