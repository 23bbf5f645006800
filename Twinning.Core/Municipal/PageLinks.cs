using System.Text.RegularExpressions;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;

namespace Twinning.Core.Municipal;

/// <summary>Where a link to an item's page points. The CMS is headless, so a content type's pages live on the front
/// end: a pattern such as <c>https://www.gdansk.pl/miasta-partnerskie/{path}</c> names them, with the placeholders
/// <c>{path}</c> (the AutoroutePart path, each segment escaped), <c>{id}</c> (the ContentItemId) and <c>{culture}</c>.
/// A type without a pattern links to its path under the site's own address, as it always has.</summary>
public sealed partial record PageLinks(string BaseUrl, IReadOnlyDictionary<string, string>? Patterns = null)
{
    /// <summary>The placeholders a pattern may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["path", "id", "culture"];

    /// <summary>The item's page as an absolute URL; null when the item lacks what the link needs (a path, a culture).</summary>
    public string? PageUrl(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Patterns is null || !Patterns.TryGetValue(item.ContentType, out var pattern))
        {
            return Value(item, "path") is { } path ? $"{BaseUrl}/{path}" : null;
        }
        var complete = true;
        var url = Placeholder().Replace(pattern, match =>
        {
            var value = Value(item, match.Groups[1].Value);
            complete &= value is not null;
            return value ?? "";
        });
        return complete ? url : null;
    }

    /// <summary>Why <paramref name="pattern"/> cannot name pages, or null when it can: it must be an absolute http or
    /// https address once its placeholders are filled in, and use only the known placeholders.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "is empty; give an address such as https://www.gdansk.pl/miasta-partnerskie/{path}.";
        }
        if (Placeholder().Matches(pattern).Select(m => m.Groups[1].Value).FirstOrDefault(p => !Placeholders.Contains(p)) is { } unknown)
        {
            return $"'{pattern}' uses the unknown placeholder {{{unknown}}}; use {{path}}, {{id}} or {{culture}}.";
        }
        var sample = Placeholder().Replace(pattern, "x");
        return sample.Contains('{', StringComparison.Ordinal) || sample.Contains('}', StringComparison.Ordinal)
            || !Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            ? $"'{pattern}' is not an absolute http or https address, such as https://www.gdansk.pl/miasta-partnerskie/{{path}}."
            : null;
    }

    /// <summary>A path with each segment escaped, so a space or a '?' in a segment cannot change the URL's meaning.</summary>
    public static string EscapePath(string path)
        => string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString));

    private static string? Value(ContentItem item, string placeholder) => placeholder switch
    {
        "path" => ViewContent.Path(item) is { } path ? EscapePath(path) : null,
        "id" => Uri.EscapeDataString(item.ContentItemId),
        "culture" => ViewContent.Culture(item) is { } culture ? Uri.EscapeDataString(culture) : null,
        _ => null,
    };

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
