namespace Twinning.Module.Features.Media.Processing;

/// <summary>A named set of resize commands, as Orchard Core's media profiles store them.</summary>
public sealed class MediaProfile
{
    public string? Hint { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>ResizeMode: 0 Undefined, 1 Max, 2 Crop, 3 Pad, 4 BoxPad, 5 Min, 6 Stretch.</summary>
    public int Mode { get; set; }

    /// <summary>Format: 0 Undefined, 1 Bmp, 2 Gif, 3 Jpg, 4 Png, 5 Tga, 6 WebP.</summary>
    public int Format { get; set; }

    public int Quality { get; set; } = 100;
    public string? BackgroundColor { get; set; }
}

/// <summary>The site's named media profiles (the recipe's <c>MediaProfiles</c> step writes them; resized image URLs
/// use them by name).</summary>
public sealed class MediaProfilesDocument
{
    public Dictionary<string, MediaProfile> MediaProfiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
