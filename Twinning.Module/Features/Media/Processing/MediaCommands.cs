namespace Twinning.Module.Features.Media.Processing;

/// <summary>The query-string commands of <c>/media</c> URLs, with the names Orchard Core gives them.</summary>
public static class MediaCommands
{
    public const string Width = "width";
    public const string Height = "height";
    public const string Mode = "rmode";
    public const string FocalPoint = "rxy";
    public const string Format = "format";
    public const string Quality = "quality";
    public const string BackgroundColor = "bgcolor";
    public const string AutoOrient = "autoorient";
    public const string Version = "v";
    public const string Token = "token";

    /// <summary>Whether the token signs the parameter's value: every processing command and the version, as Orchard Core
    /// signs them; the token itself and parameters unknown here are left out.</summary>
    public static bool IsSigned(string name)
        => name is Width or Height or Mode or FocalPoint or Format or Quality or BackgroundColor or AutoOrient or Version;

    /// <summary>Whether this site reads the parameter: a signed one or the token.</summary>
    public static bool IsKnown(string name) => IsSigned(name) || name == Token;
}

/// <summary>How an image is fitted to the requested size; the numbers are those media profiles store.</summary>
public enum ResizeMode
{
    Undefined = 0,

    /// <summary>Fits inside width × height, keeping the aspect ratio (the default).</summary>
    Max = 1,

    /// <summary>Covers width × height and cuts what overflows, around the focal point (<c>rxy</c>) or the centre.</summary>
    Crop = 2,

    /// <summary>Fits inside width × height and fills the rest with the background colour.</summary>
    Pad = 3,

    /// <summary>Like <see cref="Pad"/>, but a smaller image is centred on the canvas instead of being enlarged.</summary>
    BoxPad = 4,

    /// <summary>Shrinks until one side matches, never enlarging.</summary>
    Min = 5,

    /// <summary>Exactly width × height, distorting the image.</summary>
    Stretch = 6,
}

/// <summary>An output format; the numbers are those media profiles store. Bmp and Tga exist for profiles written for
/// Orchard Core: Twinning cannot write them and serves PNG (also lossless) for such profiles.</summary>
public enum MediaFormat
{
    Undefined = 0,
    Bmp = 1,
    Gif = 2,
    Jpg = 3,
    Png = 4,
    Tga = 5,
    WebP = 6,
}

/// <summary>A focal point: 0,0 is the top left corner of the image, 1,1 the bottom right.</summary>
public readonly record struct MediaAnchor(float X, float Y);

/// <summary>A colour with alpha (255 = opaque).</summary>
public readonly record struct MediaColor(byte R, byte G, byte B, byte A)
{
    public override string ToString() => $"{R:x2}{G:x2}{B:x2}{A:x2}";
}
