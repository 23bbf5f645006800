using System.Text.Json.Nodes;
using Ganss.Xss;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.Validation;

/// <summary>Keeps what editors write in HTML bodies and HTML fields (text structure, links, images, tables) and removes
/// everything else, so every reader of the content API gets markup that is safe to render as is. Explicit lists rather
/// than the library's defaults, which keep forms, password inputs and inline styles (enough for a fake sign-in box
/// covering the page). There is no <c>style</c> or <c>class</c> attribute: the site's own styles decide the look.</summary>
public sealed class HtmlSanitizerService
{
    /// <summary>Deepest nesting of elements accepted; honest content stays far below it.</summary>
    public const int MaxDepth = 128;

    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "blockquote", "pre", "code", "kbd", "samp",
        "em", "strong", "i", "b", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "q", "cite", "abbr", "time",
        "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    };

    public static readonly IReadOnlySet<string> AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "width", "height", "cite", "datetime", "lang", "dir",
        "start", "reversed", "type", "colspan", "rowspan", "span", "scope", "headers", "abbr",
    };

    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto", "tel",
    };

    private readonly HtmlSanitizer _sanitizer = Create();

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>Stores the sanitised <paramref name="html"/> as <paramref name="member"/> of <paramref name="owner"/>, or
    /// refuses markup nested too deeply to parse in reasonable time, naming the member. On publishing it also refuses
    /// images without an alt attribute (<see cref="HtmlChecks.ImagesWithoutAlt"/>); a draft keeps them, with the editor's
    /// warning. Every HTML body and HTML field, at the top or in a bag item, comes here; <paramref name="label"/> names
    /// it in that message (the admin shows its own label instead).</summary>
    public void SanitizeInto(JsonObject owner, string member, string html, string path, ValidationScope scope, string label)
    {
        if (HtmlNesting.IsDeeperThan(html, MaxDepth))
        {
            scope.Fail($"{path}.{member}", "Html.TooDeep", ("member", member), ("max", MaxDepth));
            return;
        }
        var sanitized = Sanitize(html);
        owner[member] = sanitized;
        if (scope.Publishing && HtmlChecks.ImagesWithoutAlt(sanitized) is { Count: > 0 } images)
        {
            scope.Fail($"{path}.{member}", HtmlChecks.ImageWithoutAltKey, ("field", label), ("images", string.Join(", ", images)));
        }
    }

    private static HtmlSanitizer Create()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(AllowedTags);
        options.AllowedAttributes.UnionWith(AllowedAttributes);
        options.AllowedSchemes.UnionWith(AllowedSchemes);
        options.UriAttributes.UnionWith(["href", "src", "cite"]);
        return new HtmlSanitizer(options);
    }
}
