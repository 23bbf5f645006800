namespace Twinning.Module.Features.Media.Processing;

/// <summary>How to draw the output: the source resized to <see cref="ResizeWidth"/> × <see cref="ResizeHeight"/>
/// and placed at <see cref="X"/>, <see cref="Y"/> (negative when cropped) on a canvas of <see cref="Width"/> ×
/// <see cref="Height"/>; canvas not covered by the image is background.</summary>
public readonly record struct ResizePlan(int Width, int Height, int ResizeWidth, int ResizeHeight, int X, int Y)
{
    /// <summary>Whether the resized image covers the whole canvas, so no background shows.</summary>
    public bool Covers => X <= 0 && Y <= 0 && X + ResizeWidth >= Width && Y + ResizeHeight >= Height;
}

/// <summary>
/// The size arithmetic of each resize mode, with the results ImageSharp gives for the same commands (Orchard Core
/// 2.x and 3.0 resize with it), so that pages written for Orchard get images of the same dimensions; the one
/// difference is that a single given side is always kept exactly.
/// </summary>
public static class ResizeGeometry
{
    public static ResizePlan Plan(int sourceWidth, int sourceHeight, ResizeCommands commands)
    {
        var width = commands.Width ?? 0;
        var height = commands.Height ?? 0;
        if (width == 0 && height == 0)
        {
            return new ResizePlan(sourceWidth, sourceHeight, sourceWidth, sourceHeight, 0, 0);
        }
        // One side given: the other follows the source's aspect ratio, at least one pixel, and the given side is
        // kept exactly (a srcset's 1024w is 1024 wide, where a second fit to the rounded box could give 1020). In floating
        // point: a panorama's width times the height asked for can pass the 32-bit limit.
        var oneSide = width == 0 || height == 0;
        if (width == 0)
        {
            width = Math.Max(1, Round(sourceWidth * (float)height / sourceHeight));
        }
        if (height == 0)
        {
            height = Math.Max(1, Round(sourceHeight * (float)width / sourceWidth));
        }
        return commands.Mode switch
        {
            ResizeMode.Crop => Crop(sourceWidth, sourceHeight, width, height, commands.FocalPoint),
            ResizeMode.Pad => Pad(sourceWidth, sourceHeight, width, height),
            ResizeMode.BoxPad => sourceWidth < width && sourceHeight < height
                ? new ResizePlan(width, height, sourceWidth, sourceHeight, (width - sourceWidth) / 2, (height - sourceHeight) / 2)
                : Pad(sourceWidth, sourceHeight, width, height),
            ResizeMode.Min => oneSide && width <= sourceWidth && height <= sourceHeight ? Fill(width, height) : Min(sourceWidth, sourceHeight, width, height),
            ResizeMode.Stretch => Fill(width, height),
            _ => oneSide ? Fill(width, height) : Max(sourceWidth, sourceHeight, width, height),
        };
    }

    private static ResizePlan Max(int sourceWidth, int sourceHeight, int width, int height)
    {
        if (sourceHeight / (float)sourceWidth < height / (float)width)
        {
            return Fill(width, Round(sourceHeight * (width / (float)sourceWidth)));
        }
        return Fill(Round(sourceWidth * (height / (float)sourceHeight)), height);
    }

    private static ResizePlan Min(int sourceWidth, int sourceHeight, int width, int height)
    {
        if (width > sourceWidth || height > sourceHeight)
        {
            return Fill(sourceWidth, sourceHeight);
        }
        // The side with less to shrink is matched exactly; the other follows the aspect ratio.
        var widthLeft = sourceWidth - width;
        var heightLeft = sourceHeight - height;
        if (widthLeft < heightLeft || (widthLeft == heightLeft && height > width))
        {
            return Fill(width, Round(sourceHeight * (width / (float)sourceWidth)));
        }
        return Fill(Round(sourceWidth * (height / (float)sourceHeight)), height);
    }

    private static ResizePlan Pad(int sourceWidth, int sourceHeight, int width, int height)
    {
        var byHeight = height / (float)sourceHeight;
        var byWidth = width / (float)sourceWidth;
        if (byHeight < byWidth)
        {
            var resized = Math.Max(1, Round(sourceWidth * byHeight));
            return new ResizePlan(width, height, resized, height, Round((width - (sourceWidth * byHeight)) / 2f), 0);
        }
        var resizedHeight = Math.Max(1, Round(sourceHeight * byWidth));
        return new ResizePlan(width, height, width, resizedHeight, 0, Round((height - (sourceHeight * byWidth)) / 2f));
    }

    private static ResizePlan Crop(int sourceWidth, int sourceHeight, int width, int height, MediaAnchor? focus)
    {
        var byHeight = height / (float)sourceHeight;
        var byWidth = width / (float)sourceWidth;
        if (byHeight < byWidth)
        {
            // Scaled to the width; the overflowing height is cut around the focal point, kept inside the image.
            var resized = sourceHeight * byWidth;
            var y = focus is { } f ? Round((-resized * f.Y) + (height / 2f)) : Round((height - resized) / 2f);
            y = Math.Clamp(y, Round(height - resized), 0);
            return new ResizePlan(width, height, width, Math.Max(1, (int)MathF.Ceiling(resized)), 0, y);
        }
        var resizedWidth = sourceWidth * byHeight;
        var x = focus is { } g ? Round((-resizedWidth * g.X) + (width / 2f)) : Round((width - resizedWidth) / 2f);
        x = Math.Clamp(x, Round(width - resizedWidth), 0);
        return new ResizePlan(width, height, Math.Max(1, (int)MathF.Ceiling(resizedWidth)), height, x, 0);
    }

    private static ResizePlan Fill(int width, int height)
    {
        width = Math.Max(1, width);
        height = Math.Max(1, height);
        return new ResizePlan(width, height, width, height, 0, 0);
    }

    private static int Round(float value) => (int)MathF.Round(value);
}
