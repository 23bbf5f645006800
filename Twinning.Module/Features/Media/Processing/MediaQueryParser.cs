using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Twinning.Module.Features.Media.Processing;

/// <summary>What a <c>/media</c> URL asks of an image, checked and normalised.</summary>
public sealed record ResizeCommands
{
    public int? Width { get; init; }
    public int? Height { get; init; }
    public ResizeMode Mode { get; init; } = ResizeMode.Max;
    public MediaAnchor? FocalPoint { get; init; }

    /// <summary>Undefined keeps the source's format.</summary>
    public MediaFormat Format { get; init; }

    public int? Quality { get; init; }
    public MediaColor? Background { get; init; }
    public bool AutoOrient { get; init; } = true;
    public string? Version { get; init; }

    /// <summary>The same text for every query that yields the same image, whatever its spelling or order.</summary>
    public string Normalized()
    {
        // Quality does not change a PNG or GIF, so it does not split their variants.
        var quality = Format is MediaFormat.Png or MediaFormat.Gif ? 0 : Quality ?? MediaImageEngine.DefaultQuality;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Width}x{Height};{Mode};{FocalPoint?.X},{FocalPoint?.Y};{Format};{quality};{Background};{AutoOrient};{Version}");
    }
}

/// <summary>A query string's processing commands, the commands the token signs (name and value, in query order) and the token.</summary>
public sealed record MediaQuery(ResizeCommands Commands, IReadOnlyList<KeyValuePair<string, string>> SignedCommands, string? Token, string FirstCommand);

/// <summary>Why a query was refused, naming the query parameter at fault.</summary>
public readonly record struct MediaQueryError(string Field, string Message);

public static class MediaQueryParser
{
    private static readonly string Modes = "max, crop, pad, boxpad, min or stretch";
    private static readonly string Formats = "jpg, png, webp or gif";

    /// <summary>Reads a query string (with or without its '?'). False with an error when a command is not valid;
    /// true with a null query when there is nothing to process (no command, or only <c>v</c>).</summary>
    public static bool TryParse(string? queryString, MediaOptions options, out MediaQuery? query, out MediaQueryError error)
    {
        query = null;
        error = default;
        if (string.IsNullOrEmpty(queryString))
        {
            return true;
        }
        var commands = new ResizeCommands();
        var signed = new List<KeyValuePair<string, string>>(4);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        string? first = null;
        foreach (var pair in new QueryStringEnumerable(queryString))
        {
            var name = pair.DecodeName().ToString();
            if (name == MediaCommands.Token)
            {
                token = pair.DecodeValue().ToString();
                continue;
            }
            if (!MediaCommands.IsSigned(name))
            {
                continue;
            }
            if (!seen.Add(name))
            {
                error = new(name, $"'{name}' is given more than once.");
                return false;
            }
            var value = pair.DecodeValue().ToString();
            signed.Add(new(name, value));
            if (name != MediaCommands.Version)
            {
                first ??= name;
            }
            if (!TryApply(commands, name, value, options, out commands, out var message))
            {
                error = new(name, message);
                return false;
            }
        }
        if (first is not null)
        {
            query = new MediaQuery(commands, signed, token, first);
        }
        return true;
    }

    /// <summary>The rules without a token (<c>UseTokenizedQueryString</c> off): only the supported sizes, and none
    /// of the commands that would let anyone fill the cache with variants.</summary>
    public static MediaQueryError? CheckUnsigned(MediaQuery query, MediaOptions options)
    {
        var commands = query.Commands;
        if (commands.FocalPoint is not null)
        {
            return new(MediaCommands.FocalPoint, "'rxy' needs a signed URL, and this site does not sign media URLs (UseTokenizedQueryString is off).");
        }
        if (commands.Background is not null)
        {
            return new(MediaCommands.BackgroundColor, "'bgcolor' needs a signed URL, and this site does not sign media URLs (UseTokenizedQueryString is off).");
        }
        foreach (var (name, size) in new[] { (MediaCommands.Width, commands.Width), (MediaCommands.Height, commands.Height) })
        {
            if (size is { } value && !options.SupportedSizes.Contains(value))
            {
                return new(name, $"Without a signed URL '{name}' must be one of the supported sizes: {string.Join(", ", options.SupportedSizes)}.");
            }
        }
        return null;
    }

    private static bool TryApply(ResizeCommands commands, string name, string value, MediaOptions options, out ResizeCommands applied, out string message)
    {
        applied = commands;
        message = "";
        switch (name)
        {
            case MediaCommands.Width or MediaCommands.Height:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > options.MaxResizeDimension)
                {
                    message = $"'{name}' must be a whole number of pixels from 1 to {options.MaxResizeDimension}.";
                    return false;
                }
                applied = name == MediaCommands.Width ? commands with { Width = size } : commands with { Height = size };
                return true;
            case MediaCommands.Mode:
                if (!TryParseMode(value, out var mode))
                {
                    message = $"'rmode' must be {Modes}.";
                    return false;
                }
                applied = commands with { Mode = mode };
                return true;
            case MediaCommands.FocalPoint:
                if (!TryParseAnchor(value, out var anchor))
                {
                    message = "'rxy' must be two numbers from 0 to 1 separated by a comma, the focal point's x and y (0.5,0.5 is the centre).";
                    return false;
                }
                applied = commands with { FocalPoint = anchor };
                return true;
            case MediaCommands.Format:
                if (!TryParseFormat(value, out var format))
                {
                    message = $"'format' must be {Formats}.";
                    return false;
                }
                applied = commands with { Format = format };
                return true;
            case MediaCommands.Quality:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quality) || quality is < 1 or > 100)
                {
                    message = "'quality' must be a whole number from 1 to 100.";
                    return false;
                }
                applied = commands with { Quality = quality };
                return true;
            case MediaCommands.BackgroundColor:
                if (!TryParseColor(value, out var color))
                {
                    message = "'bgcolor' must be a colour name (white), hexadecimal RGB or RGBA (ffff00, ffff0080), or red,green,blue[,alpha] from 0 to 255 (128,64,32).";
                    return false;
                }
                applied = commands with { Background = color };
                return true;
            case MediaCommands.AutoOrient:
                if (!bool.TryParse(value, out var orient))
                {
                    message = "'autoorient' must be true or false.";
                    return false;
                }
                applied = commands with { AutoOrient = orient };
                return true;
            default:
                if (value.Length > 64)
                {
                    message = "'v' must be at most 64 characters.";
                    return false;
                }
                applied = commands with { Version = value };
                return true;
        }
    }

    public static bool TryParseMode(string value, out ResizeMode mode)
    {
        mode = value.ToLowerInvariant() switch
        {
            "max" => ResizeMode.Max,
            "crop" => ResizeMode.Crop,
            "pad" => ResizeMode.Pad,
            "boxpad" => ResizeMode.BoxPad,
            "min" => ResizeMode.Min,
            "stretch" => ResizeMode.Stretch,
            _ => ResizeMode.Undefined,
        };
        return mode != ResizeMode.Undefined;
    }

    /// <summary>The formats Twinning writes; "jpeg" is taken for "jpg".</summary>
    public static bool TryParseFormat(string value, out MediaFormat format)
    {
        format = value.ToLowerInvariant() switch
        {
            "jpg" or "jpeg" => MediaFormat.Jpg,
            "png" => MediaFormat.Png,
            "webp" => MediaFormat.WebP,
            "gif" => MediaFormat.Gif,
            _ => MediaFormat.Undefined,
        };
        return format != MediaFormat.Undefined;
    }

    private static bool TryParseAnchor(string value, out MediaAnchor anchor)
    {
        anchor = default;
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0
            || !float.TryParse(value.AsSpan(0, comma), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            || !float.TryParse(value.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            || x is < 0 or > 1 || y is < 0 or > 1 || float.IsNaN(x) || float.IsNaN(y))
        {
            return false;
        }
        anchor = new MediaAnchor(x, y);
        return true;
    }

    /// <summary>Colours as Orchard Core's <c>bgcolor</c> takes them: a CSS name, hexadecimal RGB(A) in 3, 4, 6 or 8
    /// digits, or 3 or 4 comma-separated numbers from 0 to 255.</summary>
    public static bool TryParseColor(string value, out MediaColor color)
    {
        color = default;
        var text = value.Trim().TrimStart('#');
        if (text.Contains(',', StringComparison.Ordinal))
        {
            var parts = text.Split(',');
            var channels = new byte[4] { 0, 0, 0, 255 };
            if (parts.Length is not (3 or 4))
            {
                return false;
            }
            for (var i = 0; i < parts.Length; i++)
            {
                if (!byte.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out channels[i]))
                {
                    return false;
                }
            }
            color = new MediaColor(channels[0], channels[1], channels[2], channels[3]);
            return true;
        }
        if (text.Length is 3 or 4 or 6 or 8 && text.All(char.IsAsciiHexDigit))
        {
            // Short forms double each digit, as CSS does: "f00" is "ff0000".
            var full = text.Length <= 4 ? string.Concat(text.Select(c => new string(c, 2))) : text;
            var bytes = Convert.FromHexString(full);
            color = new MediaColor(bytes[0], bytes[1], bytes[2], bytes.Length == 4 ? bytes[3] : (byte)255);
            return true;
        }
        var named = System.Drawing.Color.FromName(text);
        if (named.IsKnownColor && !named.IsSystemColor)
        {
            color = new MediaColor(named.R, named.G, named.B, named.A);
            return true;
        }
        return false;
    }
}
