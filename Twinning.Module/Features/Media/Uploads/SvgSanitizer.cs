using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.Media.Uploads;

/// <summary>
/// Keeps the drawing of an SVG and drops everything that can run or fetch: an allow-list of SVG elements and
/// attributes, event handlers removed, links only to fragments of the same file, no style sheets or entities.
/// A file that is not well-formed SVG, or that declares a DTD, is refused rather than repaired.
/// </summary>
public static partial class SvgSanitizer
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feComposite", "feFlood", "feMerge", "feMergeNode", "feMorphology", "feDropShadow",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "id", "class", "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
        "cx", "cy", "r", "rx", "ry", "d", "points", "transform", "fill", "fill-opacity", "fill-rule",
        "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
        "stroke-dashoffset", "stroke-miterlimit", "opacity", "clip-path", "clip-rule", "mask", "marker-start",
        "marker-mid", "marker-end", "font-family", "font-size", "font-weight", "font-style", "text-anchor",
        "dominant-baseline", "letter-spacing", "dx", "dy", "rotate", "textLength", "offset", "stop-color",
        "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "patternUnits",
        "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "markerWidth",
        "markerHeight", "markerUnits", "refX", "refY", "orient", "filterUnits", "primitiveUnits", "in", "in2",
        "result", "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4", "values", "type", "flood-color",
        "flood-opacity", "radius", "visibility", "display", "version", "color", "href",
    };

    /// <summary>Deepest nesting of elements accepted. Drawing tools nest groups a few dozen levels at most; the limit keeps
    /// the walk over the tree (and whoever renders the file) from running out of stack.</summary>
    public const int MaxDepth = 256;

    /// <summary>The sanitised file, or null with the reason when it cannot be read as SVG.</summary>
    public static (byte[]? Content, RuleMessage? Error) Sanitize(byte[] content)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 20_000_000 };
            // A streaming pass first: it measures the depth without building the tree that a deeper file would overflow.
            using (var scan = XmlReader.Create(new MemoryStream(content), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth)
                    {
                        return (null, RuleMessage.Of("Library.SvgTooDeep", ("depth", MaxDepth)));
                    }
                }
            }
            using var reader = XmlReader.Create(new MemoryStream(content), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return (null, RuleMessage.Of("Library.SvgMalformed", ("detail", e.Message)));
        }
        if (document.Root is not { } root || root.Name != XName.Get("svg", SvgNamespace))
        {
            return (null, RuleMessage.Of("Library.NotSvg"));
        }
        Clean(root);
        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false }))
        {
            new XDocument(root).Save(writer);
        }
        return (output.ToArray(), null);
    }

    private static void Clean(XElement element)
    {
        foreach (var node in element.Nodes().ToList())
        {
            switch (node)
            {
                case XElement child when child.Name.NamespaceName == SvgNamespace && Elements.Contains(child.Name.LocalName):
                    Clean(child);
                    break;
                case XText:
                    // Text is inert once scripts and style sheets are gone (titles, labels).
                    break;
                default:
                    // Unknown elements (script, foreignObject, iframe, style …), comments, processing instructions.
                    node.Remove();
                    break;
            }
        }
        foreach (var attribute in element.Attributes().ToList())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }
            var name = attribute.Name;
            var allowed = (name.Namespace == XNamespace.None && Attributes.Contains(name.LocalName))
                || (name.Namespace == XlinkNamespace && name.LocalName == "href");
            if (!allowed || (name.LocalName == "href" && !attribute.Value.TrimStart().StartsWith('#')) || HasExternalReference(attribute.Value))
            {
                attribute.Remove();
            }
        }
    }

    /// <summary>The functions an attribute value may call: colours, transforms, and <c>url()</c> of a fragment of the same
    /// file (paint servers, clip paths, masks, markers).</summary>
    private static readonly HashSet<string> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        "url", "rgb", "rgba", "hsl", "hsla", "matrix", "translate", "scale", "rotate", "skewX", "skewY",
    };

    /// <summary>A function call in a value: its name, then the first character of its argument after any space or quote.
    /// A name starts only where a run of name characters starts, and is not given back once read: otherwise every place
    /// in a long run of letters started a name read to the run's end, and the check took time by the square of its
    /// length (a value of 2,000,000 letters, a minute and a half).</summary>
    [GeneratedRegex("""(?<![A-Za-z0-9_-])(?>([A-Za-z_-][A-Za-z0-9_-]*))\s*\(\s*['"]?\s*(.?)""", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionCall();

    /// <summary>Whether a value could fetch from elsewhere or run: any function but the allowed ones, a <c>url()</c> of
    /// anything but a fragment ("url(#a) url(https://…)" too), a <c>javascript:</c> address, or a CSS escape, with which
    /// "\75 rl(" is <c>url(</c> to a browser.</summary>
    private static bool HasExternalReference(string value)
        => value.Contains('\\') || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
            || FunctionCall().Matches(value).Any(call => !Functions.Contains(call.Groups[1].Value)
                || (call.Groups[1].Value.Equals("url", StringComparison.OrdinalIgnoreCase) && call.Groups[2].Value != "#"));
}
