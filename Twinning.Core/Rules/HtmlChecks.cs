using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Twinning.Core.Rules;

/// <summary>An accessibility problem in HTML an author wrote: what is wrong and how to fix it.</summary>
public sealed record HtmlFinding(RuleMessage Problem, RuleMessage Fix);

/// <summary>
/// Accessibility checks of one HTML fragment an author wrote (a rich-text body or field, as the sanitiser keeps it):
/// only problems the author can fix in the text, as Wagtail's content checker does (ATAG 2.0 B.3.1 checking and B.3.2
/// repair assistance). A site renders the fragment inside its own page, so the first heading may have any level.
/// The findings are warnings for the editor, never a reason to refuse a save; an image without any alt attribute also
/// stops a publish (<see cref="ImagesWithoutAlt"/>), as the design has it (alt="" marks a decorative image on purpose).
/// </summary>
public static class HtmlChecks
{
    /// <summary>The warning for an image without an alt attribute, in a draft.</summary>
    public const string ImageAltCheckKey = "Check.ImageAlt";

    /// <summary>The error for the same image when the item is published, which it stops.</summary>
    public const string ImageWithoutAltKey = "Html.ImageWithoutAlt";

    private static readonly HtmlParser Parser = new();

    /// <summary>Link texts that say nothing of where the link leads, compared in lower case without end punctuation.</summary>
    private static readonly HashSet<string> VagueLinkTexts = new(StringComparer.Ordinal)
    {
        "click here", "click", "here", "read more", "more", "link", "this link",
        "kliknij tutaj", "kliknij", "tutaj", "tu", "więcej", "czytaj więcej", "ten link",
    };

    /// <summary>Where a paragraph all in bold is normal (a list item or a table cell written as one), not a would-be heading.</summary>
    private static readonly HashSet<string> NotHeadingPlaces = new(StringComparer.Ordinal) { "li", "td", "th", "dt", "dd", "figcaption" };

    /// <summary>The longest text a message quotes; longer text is cut with an ellipsis.</summary>
    private const int QuoteLength = 60;

    public static IReadOnlyList<HtmlFinding> Of(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return [];
        }
        var body = Parser.ParseDocument($"<body>{html}</body>").Body!;
        var findings = new List<HtmlFinding>();
        int? previousLevel = null;
        var tables = 0;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var level = element.LocalName[1] - '0';
                    var heading = TextOf(element);
                    if (heading.Length == 0)
                    {
                        findings.Add(Find("Check.EmptyHeading", "Fix.EmptyHeading", ("level", level)));
                    }
                    else if (level > previousLevel + 1)
                    {
                        findings.Add(Find("Check.SkippedHeading", "Fix.SkippedHeading",
                            ("heading", Quote(heading)), ("level", level), ("previous", previousLevel), ("next", previousLevel + 1)));
                    }
                    previousLevel = level;
                    break;
                case "a" when element.GetAttribute("href") is { } href:
                    var name = element.GetAttribute("aria-label") is { } label && Collapse(label).Length > 0 ? Collapse(label) : TextOf(element);
                    if (name.Length == 0)
                    {
                        findings.Add(Find("Check.EmptyLink", "Fix.EmptyLink", ("href", Quote(href))));
                    }
                    else if (VagueLinkTexts.Contains(name.ToLowerInvariant().TrimEnd('.', '…', '!', ':', '»', '›', '>', '→', ' ')))
                    {
                        findings.Add(Find("Check.VagueLink", "Fix.VagueLink", ("text", Quote(name)), ("href", Quote(href))));
                    }
                    break;
                case "table":
                    tables++;
                    if (element.QuerySelector("th") is null)
                    {
                        findings.Add(Find("Check.TableHeaders", "Fix.TableHeaders", ("number", tables)));
                    }
                    break;
                case "p" when IsAllBold(element) && !NotHeadingPlaces.Contains(element.ParentElement?.LocalName ?? ""):
                    findings.Add(Find("Check.BoldParagraph", "Fix.BoldParagraph", ("text", Quote(TextOf(element)))));
                    break;
                case "img" when LacksAlt(element):
                    findings.Add(Find(ImageAltCheckKey, "Fix.ImageAlt", ("src", Quote(FileName(element.GetAttribute("src") ?? "")))));
                    break;
                default:
                    break;
            }
        }
        return findings;
    }

    /// <summary>The file names of the images in <paramref name="html"/> with no alt attribute at all, in document order:
    /// what a publish refuses. <c>alt=""</c> is a decorative image, chosen on purpose, and passes.</summary>
    public static IReadOnlyList<string> ImagesWithoutAlt(string? html)
        => string.IsNullOrWhiteSpace(html)
            ? []
            : [.. Parser.ParseDocument($"<body>{html}</body>").Body!.QuerySelectorAll("img").Where(LacksAlt)
                .Select(image => Quote(FileName(image.GetAttribute("src") ?? "")))];

    private static bool LacksAlt(IElement image) => !image.HasAttribute("alt");

    private static HtmlFinding Find(string problem, string fix, params (string Name, object? Value)[] arguments)
        => new(RuleMessage.Of(problem, arguments), RuleMessage.Of(fix, arguments));

    /// <summary>The text a reader hears for an element: its text and its images' alternative texts, white space collapsed.</summary>
    private static string TextOf(IElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.GetDescendants())
        {
            switch (node)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "img" } image:
                    text.Append(' ').Append(image.GetAttribute("alt")).Append(' ');
                    break;
                default:
                    break;
            }
        }
        return Collapse(text.ToString());
    }

    /// <summary>A paragraph with text, all of it inside <c>strong</c> or <c>b</c>.</summary>
    private static bool IsAllBold(IElement paragraph)
    {
        var texts = paragraph.GetDescendants().OfType<IText>().Where(t => !string.IsNullOrWhiteSpace(t.Data)).ToList();
        return texts.Count > 0 && texts.All(t => InBold(t, paragraph));
    }

    private static bool InBold(INode node, IElement paragraph)
    {
        for (var e = node.ParentElement; e is not null && e != paragraph; e = e.ParentElement)
        {
            if (e.LocalName is "strong" or "b")
            {
                return true;
            }
        }
        return false;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Quote(string text) => text.Length <= QuoteLength ? text : text[..(QuoteLength - 1)].TrimEnd() + "…";

    /// <summary>An image's file name, which says more in a message than a long address.</summary>
    private static string FileName(string src)
    {
        var path = src.Split('?', '#')[0].TrimEnd('/');
        return path.Length == 0 ? src : path[(path.LastIndexOf('/') + 1)..];
    }
}
