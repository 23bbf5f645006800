namespace Twinning.Module.Features.Validation;

/// <summary>
/// How deeply an HTML fragment nests its elements, found by a quick scan of the tags before any parser builds a tree.
/// A parser spends time in proportion to the depth on every tag (100,000 nested <c>div</c> took 49 s), and tree walks
/// recurse, so deep markup is refused before it is parsed. The scan follows the HTML parser where honest markup relies
/// on it (void elements, elements that a sibling closes, end tags that close what they contain, text-only elements)
/// and otherwise counts every start tag as one level deeper, so it never finds less depth than the parser would build.
/// </summary>
public static class HtmlNesting
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Elements whose content is text up to their own end tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    /// <summary>Start tags that end an open paragraph.</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
    };

    /// <summary>For a start tag, the open elements it ends when they are the innermost ones (a list item ends the previous one).</summary>
    private static readonly Dictionary<string, string[]> ClosesSiblings = new(StringComparer.Ordinal)
    {
        ["li"] = ["li"],
        ["dt"] = ["dt", "dd"],
        ["dd"] = ["dt", "dd"],
        ["option"] = ["option"],
        ["optgroup"] = ["option", "optgroup"],
        ["td"] = ["p", "td", "th"],
        ["th"] = ["p", "td", "th"],
        ["tr"] = ["p", "td", "th", "tr"],
        ["thead"] = ["p", "td", "th", "tr", "thead", "tbody", "tfoot"],
        ["tbody"] = ["p", "td", "th", "tr", "thead", "tbody", "tfoot"],
        ["tfoot"] = ["p", "td", "th", "tr", "thead", "tbody", "tfoot"],
    };

    /// <summary>Whether <paramref name="html"/> nests elements more than <paramref name="limit"/> deep. Stops at the
    /// first level too many, and costs at most the length of the text times the limit.</summary>
    public static bool IsDeeperThan(string html, int limit)
    {
        var open = new List<string>();
        var openCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var at = 0;
        while ((at = html.IndexOf('<', at)) >= 0)
        {
            if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
            {
                var commentEnd = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
                if (commentEnd < 0)
                {
                    return false;
                }
                at = commentEnd + 3;
                continue;
            }
            var closing = at + 1 < html.Length && html[at + 1] == '/';
            var nameStart = at + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // A '<' in text, a doctype or a processing instruction: no element.
                at = nameStart;
                continue;
            }
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                return false;
            }
            at = tagEnd + 1;
            if (closing)
            {
                if (openCounts.GetValueOrDefault(name) > 0)
                {
                    while (Pop(open, openCounts) != name)
                    {
                    }
                }
                continue;
            }
            if (Void.Contains(name))
            {
                continue;
            }
            if (RawText.Contains(name))
            {
                var end = html.IndexOf("</" + name, at, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    return open.Count + 1 > limit;
                }
                at = end;
            }
            if (ClosesParagraph.Contains(name) && open.Count > 0 && open[^1] == "p")
            {
                Pop(open, openCounts);
            }
            if (ClosesSiblings.TryGetValue(name, out var siblings))
            {
                while (open.Count > 0 && siblings.Contains(open[^1]))
                {
                    Pop(open, openCounts);
                }
            }
            open.Add(name);
            openCounts[name] = openCounts.GetValueOrDefault(name) + 1;
            if (open.Count > limit)
            {
                return true;
            }
        }
        return false;
    }

    private static string Pop(List<string> open, Dictionary<string, int> openCounts)
    {
        var name = open[^1];
        open.RemoveAt(open.Count - 1);
        openCounts[name]--;
        return name;
    }
}
