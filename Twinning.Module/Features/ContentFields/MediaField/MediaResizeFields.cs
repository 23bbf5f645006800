using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentGraph;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Media.Processing;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.ContentFields.MediaField;

/// <summary>
/// The resizing fields of a media file: <c>resizeUrl</c> with the arguments Orchard Core gives it (profile, width,
/// height, mode, quality, format, bgcolor, autoorient) plus <c>anchor</c>, and Twinning's <c>width</c>, <c>height</c> and
/// <c>srcset</c>, and <c>srcsetAttribute</c> (the same, ready for HTML). URLs are signed here; sizes come from image headers kept in memory, so no field decodes an image.
/// Callers who may not change the media library get profiles and the supported sizes only, and every caller at
/// most <see cref="MediaOptions.MaxResizeUrlsPerRequest"/> resize URLs per request.
/// </summary>
internal static class MediaResizeFields
{
    public static void AddTo(ObjectGraphType file, Func<object?, string?> pathOf, Func<object?, MediaAnchor?> anchorOf)
    {
        var anchorInput = new InputObjectGraphType { Name = "MediaAnchorInput", Description = "A focal point: 0,0 is the top left corner, 1,1 the bottom right." };
        anchorInput.AddField(new FieldType { Name = "x", Type = typeof(NonNullGraphType<FloatGraphType>) });
        anchorInput.AddField(new FieldType { Name = "y", Type = typeof(NonNullGraphType<FloatGraphType>) });
        file.AddField(new FieldType
        {
            Name = "resizeUrl",
            Description = "The URL of the image resized, signed: by a media profile, or by the commands given. A crop without an anchor uses the file's own. "
                + "Callers without the ManageOwnMediaContent permission may ask for a profile, or a width and height among the site's supported sizes.",
            Type = typeof(StringGraphType),
            Arguments = new QueryArguments(
                new QueryArgument<StringGraphType> { Name = "profile", Description = "A media profile's name; the other arguments are then not used." },
                new QueryArgument<IntGraphType> { Name = "width" },
                new QueryArgument<IntGraphType> { Name = "height" },
                new QueryArgument<StringGraphType> { Name = "mode", Description = "max (default), crop, pad, boxpad, min or stretch." },
                new QueryArgument<IntGraphType> { Name = "quality", Description = "1 to 100, for JPEG and WebP." },
                new QueryArgument<StringGraphType> { Name = "format", Description = "jpg, png, webp or gif." },
                new QueryArgument<StringGraphType> { Name = "bgcolor", Description = "The padding colour: a name, RRGGBB(AA) or r,g,b(,a)." },
                new QueryArgument(anchorInput) { Name = "anchor", Description = "The focal point of a crop." },
                new QueryArgument<BooleanGraphType> { Name = "autoorient", Description = "Turn the image upright by its EXIF orientation (default true)." }),
            Resolver = new FuncFieldResolver<object?>(async c => pathOf(c.Source) is { } path ? await ResizeUrlAsync(c, path, anchorOf(c.Source)) : null),
        });
        file.AddField(new FieldType
        {
            Name = "width",
            Description = "The image's width in pixels as displayed; null when the file is not an image.",
            Type = typeof(IntGraphType),
            Resolver = new FuncFieldResolver<object?>(c => Info(c, pathOf)?.Width),
        });
        file.AddField(new FieldType
        {
            Name = "height",
            Description = "The image's height in pixels as displayed; null when the file is not an image.",
            Type = typeof(IntGraphType),
            Resolver = new FuncFieldResolver<object?>(c => Info(c, pathOf)?.Height),
        });
        var entry = new ObjectGraphType { Name = "MediaSrcsetEntry" };
        entry.AddField(new FieldType { Name = "width", Type = typeof(IntGraphType), Resolver = new FuncFieldResolver<object?>(c => c.Source is (int width, string _) ? width : null) });
        entry.AddField(new FieldType { Name = "url", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => c.Source is (int _, string url) ? url : null) });
        file.AddField(new FieldType
        {
            Name = "srcset",
            Description = "Signed URLs of the image at the site's srcset widths, up to its own width.",
            ResolvedType = new ListGraphType(entry),
            Resolver = new FuncFieldResolver<object?>(c => pathOf(c.Source) is { } path && MediaPaths.Normalize(path) is not null
                ? Builder(c).Srcset(path).Select(e => (object)e).ToList()
                : null),
        });
        file.AddField(new FieldType
        {
            Name = "srcsetAttribute",
            Description = "The srcset list as the value of an HTML srcset attribute, with absolute URLs (\"https://…?width=320… 320w, …\"); null when the file is not an image.",
            Type = typeof(StringGraphType),
            Resolver = new FuncFieldResolver<object?>(c => pathOf(c.Source) is { } path && MediaPaths.Normalize(path) is not null
                && ContentGraphRequest.Of(c).Services.GetRequiredService<IHttpContextAccessor>().HttpContext is { } http
                ? Builder(c).SrcsetAttribute(path, PublicUrls.BaseUrl(http))
                : null),
        });
    }

    /// <summary>The file's URL, each path segment escaped (a name may hold a space or '#'); null for a path outside the library.</summary>
    public static string? PublicUrl(string path) => MediaPaths.Normalize(path) is { } normalized ? MediaPaths.ToPublicUrl(normalized) : null;

    private static MediaUrlBuilder Builder(IResolveFieldContext c) => ContentGraphRequest.Of(c).Services.GetRequiredService<MediaUrlBuilder>();

    private static MediaImageInfo? Info(IResolveFieldContext c, Func<object?, string?> pathOf)
        => pathOf(c.Source) is { } path ? ContentGraphRequest.Of(c).Services.GetRequiredService<MediaImageInfoProvider>().Get(path) : null;

    /// <summary>The arguments only callers who may change the media library (<see cref="Permissions.ManageOwnMediaContent"/>)
    /// may give: with them any variant can be asked for, and each one the server computes and keeps.</summary>
    private static readonly string[] EditorArguments = ["mode", "quality", "format", "bgcolor", "anchor", "autoorient"];

    // The count of resizeUrl fields answered, kept in the request context; fields resolve one at a time there.
    private const string ResizeUrlCount = "Twinning.Media.ResizeUrlCount";

    private static async Task<string?> ResizeUrlAsync(IResolveFieldContext c, string path, MediaAnchor? own)
    {
        if (MediaPaths.Normalize(path) is null)
        {
            return null;
        }
        var request = ContentGraphRequest.Of(c);
        var settings = request.Services.GetRequiredService<IOptions<MediaOptions>>().Value;
        var count = (c.UserContext.TryGetValue(ResizeUrlCount, out var counted) && counted is int n ? n : 0) + 1;
        c.UserContext[ResizeUrlCount] = count;
        if (count > settings.MaxResizeUrlsPerRequest)
        {
            throw new ExecutionError($"One request may ask for at most {settings.MaxResizeUrlsPerRequest} resize URLs (Twinning:Media:MaxResizeUrlsPerRequest).");
        }
        var builder = Builder(c);
        if (c.GetArgument<string?>("profile") is { } profile)
        {
            return await builder.ProfileUrlAsync(path, profile) ?? throw new ExecutionError($"There is no media profile named '{profile}'.");
        }
        var mode = ResizeMode.Undefined;
        if (c.GetArgument<string?>("mode") is { } modeName && !MediaQueryParser.TryParseMode(modeName, out mode))
        {
            throw new ExecutionError($"'mode' must be max, crop, pad, boxpad, min or stretch, not '{modeName}'.");
        }
        var format = MediaFormat.Undefined;
        if (c.GetArgument<string?>("format") is { } formatName && !MediaQueryParser.TryParseFormat(formatName, out format))
        {
            throw new ExecutionError($"'format' must be jpg, png, webp or gif, not '{formatName}'.");
        }
        var max = settings.MaxResizeDimension;
        var width = c.GetArgument<int?>("width");
        var height = c.GetArgument<int?>("height");
        if (width is < 1 || width > max || height is < 1 || height > max)
        {
            throw new ExecutionError($"'width' and 'height' must be from 1 to {max}.");
        }
        var quality = c.GetArgument<int?>("quality");
        if (quality is < 1 or > 100)
        {
            throw new ExecutionError("'quality' must be from 1 to 100.");
        }
        var bgcolor = c.GetArgument<string?>("bgcolor");
        if (bgcolor is not null && !MediaQueryParser.TryParseColor(bgcolor, out _))
        {
            throw new ExecutionError($"'bgcolor' is not a colour: '{bgcolor}'.");
        }
        var anchor = c.GetArgument<Dictionary<string, object?>?>("anchor") is { } given
            ? new MediaAnchor(Convert.ToSingle(given["x"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToSingle(given["y"], System.Globalization.CultureInfo.InvariantCulture))
            : mode == ResizeMode.Crop ? own : null;
        if (anchor is { X: < 0 or > 1 } or { Y: < 0 or > 1 })
        {
            throw new ExecutionError("'anchor' x and y must be from 0 to 1.");
        }
        await RefuseWhatOnlyEditorsMayAskAsync(c, request, settings, width, height);
        return builder.ResizeUrl(path, width, height, mode, quality, format, anchor, bgcolor, c.GetArgument<bool?>("autoorient") ?? true);
    }

    /// <summary>Callers who may not change the media library get a profile, or a width and height among the supported
    /// sizes; anything else is an error naming the argument.</summary>
    private static async Task RefuseWhatOnlyEditorsMayAskAsync(IResolveFieldContext c, IContentGraphRequest request, MediaOptions settings, int? width, int? height)
    {
        if (await request.HasPermissionAsync(Permissions.ManageOwnMediaContent, contentType: null))
        {
            return;
        }
        var supported = string.Join(", ", settings.SupportedSizes);
        if (EditorArguments.FirstOrDefault(name => c.GetArgument<object?>(name) is not null) is { } refused)
        {
            throw new ExecutionError($"'{refused}' needs the {Permissions.ManageOwnMediaContent} permission; without it ask for a 'profile', "
                + $"or a 'width' and 'height' among the supported sizes ({supported}).");
        }
        foreach (var (name, size) in new[] { ("width", width), ("height", height) })
        {
            if (size is { } value && !settings.SupportedSizes.Contains(value))
            {
                throw new ExecutionError($"'{name}' must be one of the supported sizes ({supported}) without the {Permissions.ManageOwnMediaContent} permission, not {value}.");
            }
        }
    }
}
