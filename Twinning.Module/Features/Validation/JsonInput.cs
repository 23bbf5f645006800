using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Twinning.Core.Rules;

namespace Twinning.Module.Features.Validation;

/// <summary>How JSON from outside (API bodies, recipes) is read, and the text in it that no database may receive.</summary>
public static class JsonInput
{
    /// <summary>Deepest nesting accepted. Content items need about a dozen levels (a bag of items with fields); the limit
    /// bounds every walk over the parsed tree.</summary>
    public const int MaxDepth = 64;

    /// <summary>The key of errors about a request body as a whole, rather than one of its members.</summary>
    public const string BodyField = "body";

    /// <summary>Comments and trailing commas are tolerated as Orchard does; a key given twice is refused rather than
    /// letting one of the two silently win.</summary>
    public static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>Every string (names and values) in <paramref name="node"/> that cannot be stored as text, keyed by its path
    /// in the validation error style (<c>TitlePart.Title</c>, <c>Bag.ContentItems[0].Text</c>): a NUL character, which
    /// PostgreSQL refuses and SQLite would keep (both must answer alike), and broken UTF-16 (a lone surrogate).</summary>
    public static IReadOnlyList<(string Path, RuleMessage Problem)> FindUnstorableText(JsonNode? node)
    {
        var problems = new List<(string, RuleMessage)>();
        // An explicit stack: the tree may come from code rather than from a depth-limited parse.
        var pending = new Stack<(JsonNode? Node, string Path)>();
        pending.Push((node, ""));
        while (pending.Count > 0)
        {
            var (current, path) = pending.Pop();
            try
            {
                switch (current)
                {
                    case JsonObject obj:
                        foreach (var (key, child) in obj)
                        {
                            var childPath = path.Length == 0 ? key : $"{path}.{key}";
                            if (UnstorableText(key, isName: true) is { } keyProblem)
                            {
                                problems.Add((childPath, keyProblem));
                            }
                            pending.Push((child, childPath));
                        }
                        break;
                    case JsonArray array:
                        for (var i = 0; i < array.Count; i++)
                        {
                            pending.Push((array[i], $"{path}[{i}]"));
                        }
                        break;
                    case JsonValue value when value.TryGetValue<string>(out var text) && UnstorableText(text) is { } problem:
                        problems.Add((path, problem));
                        break;
                }
            }
            catch (InvalidOperationException)
            {
                // What System.Text.Json throws on reading escaped text that is not Unicode ("\ud800" alone).
                problems.Add((path.Length == 0 ? BodyField : path, RuleMessage.Of("Json.SurrogateInText")));
            }
        }
        return problems;
    }

    /// <summary>Why <paramref name="text"/> (a name when <paramref name="isName"/>) cannot be stored as text, or null.</summary>
    public static RuleMessage? UnstorableText(string text, bool isName = false) => Problem(text) switch
    {
        Unstorable.Nul => RuleMessage.Of(isName ? "Json.NulInName" : "Json.NulInText"),
        Unstorable.LoneSurrogate => RuleMessage.Of(isName ? "Json.SurrogateInName" : "Json.SurrogateInText"),
        _ => null,
    };

    /// <summary>The first field (a query string's or a form's) whose name or one of whose values cannot be stored, with
    /// why; null when all can.</summary>
    public static (string Name, RuleMessage Problem)? FirstUnstorableField(IEnumerable<KeyValuePair<string, StringValues>> fields)
    {
        foreach (var (name, values) in fields)
        {
            if ((UnstorableText(name, isName: true) ?? values.Select(value => value is null ? null : UnstorableText(value)).FirstOrDefault(p => p is not null)) is { } problem)
            {
                return (name, problem);
            }
        }
        return null;
    }

    private enum Unstorable
    {
        Nul,
        LoneSurrogate,
    }

    private static Unstorable? Problem(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Unstorable.Nul;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return Unstorable.LoneSurrogate;
            }
        }
        return null;
    }
}
