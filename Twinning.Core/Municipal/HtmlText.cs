using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Twinning.Core.Municipal;

/// <summary>Plain text from an HTML body, for iCalendar descriptions and schema.org <c>description</c>:
/// paragraphs and headings become lines separated by a blank line, list items start with "- ", links keep
/// their text, and scripts and styles are dropped.</summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "tr",
        "section", "article", "header", "footer", "figure", "figcaption", "address", "dl", "dt", "dd", "hr",
    };

    /// <summary>Blocks that end a line rather than a paragraph.</summary>
    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase) { "li", "tr", "dt", "dd" };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "head" };

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        var document = Parser.ParseDocument($"<body>{html}</body>");
        var writer = new Writer();
        Walk(document.Body!, writer);
        return writer.ToString();
    }

    private static void Walk(INode node, Writer writer)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Text(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName == "br":
                    writer.Break(1);
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    var breaks = Lines.Contains(element.LocalName) ? 1 : 2;
                    writer.Break(breaks);
                    if (element.LocalName == "li")
                    {
                        writer.Text("- ");
                    }
                    Walk(element, writer);
                    writer.Break(breaks);
                    break;
                case IElement element:
                    Walk(element, writer);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Collapses white space as a browser would, and separates blocks by one blank line at most.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private int _pendingBreaks;
        private bool _pendingSpace;

        public void Text(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    _pendingSpace = _text.Length > 0 && _pendingBreaks == 0;
                    continue;
                }
                Flush();
                _text.Append(c);
            }
        }

        public void Break(int lines)
        {
            if (_text.Length > 0)
            {
                _pendingBreaks = Math.Max(_pendingBreaks, lines);
                _pendingSpace = false;
            }
        }

        private void Flush()
        {
            if (_pendingBreaks > 0)
            {
                _text.Append('\n', _pendingBreaks);
            }
            else if (_pendingSpace)
            {
                _text.Append(' ');
            }
            _pendingBreaks = 0;
            _pendingSpace = false;
        }

        public override string ToString() => _text.ToString();
    }
}
