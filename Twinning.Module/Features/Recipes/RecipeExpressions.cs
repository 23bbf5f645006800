using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Twinning.Core.Content;

namespace Twinning.Module.Features.Recipes;

/// <summary>
/// Evaluates the script values Orchard Core recipes use. A string value that is wholly an expression,
/// <c>[js: ...]</c> or <c>[file: ...]</c>, is replaced by its result, again while the result is itself an
/// expression. Supported: <c>uuid()</c>, <c>variables('name')</c>, <c>parameters('name')</c>,
/// <c>configuration('key', 'default')</c>, <c>base64('...')</c> and <c>text('relative/path')</c>.
/// Variables are evaluated once, on first use, so a <c>uuid()</c> variable names one item everywhere.
/// </summary>
public sealed partial class RecipeExpressions(
    JsonObject? variables,
    IReadOnlyDictionary<string, string> parameters,
    IConfiguration configuration,
    string? basePath)
{
    private readonly Dictionary<string, string> _evaluatedVariables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>Replaces every expression in the tree, in place.</summary>
    public JsonNode? EvaluateTree(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    var evaluated = EvaluateTree(value);
                    if (!ReferenceEquals(evaluated, value))
                    {
                        obj[key] = evaluated;
                    }
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var evaluated = EvaluateTree(array[i]);
                    if (!ReferenceEquals(evaluated, array[i]))
                    {
                        array[i] = evaluated;
                    }
                }
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && IsExpression(text):
                return JsonValue.Create(Evaluate(text));
            default:
                return node;
        }
    }

    public string Evaluate(string text)
    {
        var guard = 0;
        while (IsExpression(text))
        {
            if (++guard > 16)
            {
                throw new RecipeStepException($"The expression '{text}' keeps producing expressions.");
            }
            var separator = text.IndexOf(':', StringComparison.Ordinal);
            var scope = text[1..separator];
            var script = text[(separator + 1)..^1].Trim();
            text = scope switch
            {
                "js" => EvaluateScript(script),
                "file" => EvaluateFile(script),
                _ => throw new RecipeStepException($"Unknown expression scope '{scope}' in '{text}'; use [js: ...] or [file: ...]."),
            };
        }
        return text;
    }

    private static bool IsExpression(string text)
    {
        if (text.Length < 4 || text[0] != '[' || text[^1] != ']')
        {
            return false;
        }
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        return separator > 1 && text[1..separator].All(char.IsLetter);
    }

    private string EvaluateScript(string script)
    {
        var call = CallPattern().Match(script);
        if (!call.Success)
        {
            throw new RecipeStepException($"Unsupported script '{script}'. Supported: uuid(), variables('x'), parameters('x'), configuration('key', 'default'), base64('...').");
        }
        var arguments = Arguments(call);
        return (call.Groups["fn"].Value, arguments.Length) switch
        {
            ("uuid", 0) => IdGenerator.New(),
            ("variables", 1) => Variable(arguments[0]),
            ("parameters", 1) => parameters.TryGetValue(arguments[0], out var p) ? p : "",
            ("configuration", 1 or 2) => configuration[arguments[0]] ?? (arguments.Length > 1 ? arguments[1] : ""),
            ("base64", 1) => DecodeBase64(arguments[0]),
            _ => throw new RecipeStepException($"Unsupported script '{script}'."),
        };
    }

    private string Variable(string name)
    {
        if (_evaluatedVariables.TryGetValue(name, out var value))
        {
            return value;
        }
        if (variables?[name] is not JsonValue raw || !raw.TryGetValue<string>(out var text))
        {
            throw new RecipeStepException($"The recipe uses variables('{name}') but declares no such variable.");
        }
        if (!_evaluating.Add(name))
        {
            throw new RecipeStepException($"The variable '{name}' refers to itself.");
        }
        try
        {
            value = Evaluate(text);
        }
        finally
        {
            _evaluating.Remove(name);
        }
        _evaluatedVariables[name] = value;
        return value;
    }

    private string EvaluateFile(string script)
    {
        var call = CallPattern().Match(script);
        if (!call.Success || call.Groups["fn"].Value != "text" || call.Groups["arg"].Captures.Count != 1)
        {
            throw new RecipeStepException($"Unsupported file expression '{script}'; use [file:text('relative/path')].");
        }
        var path = RecipeFiles.Resolve(basePath, Arguments(call)[0]);
        return File.ReadAllText(path);
    }

    /// <summary>The quoted arguments of a call, with \' unescaped.</summary>
    private static string[] Arguments(Match call)
        => call.Groups["arg"].Captures.Select(c => c.Value.Replace("\\'", "'", StringComparison.Ordinal)).ToArray();

    private static string DecodeBase64(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new RecipeStepException($"base64('{text}') is not valid Base64.");
        }
    }

    [GeneratedRegex(@"^(?<fn>[A-Za-z][A-Za-z0-9]*)\(\s*(?:'(?<arg>(?:[^'\\]|\\.)*)'\s*(?:,\s*'(?<arg>(?:[^'\\]|\\.)*)'\s*)*)?\)$")]
    private static partial Regex CallPattern();
}

/// <summary>Files a recipe refers to, resolved inside the recipe's own folder only.</summary>
public static class RecipeFiles
{
    public static string Resolve(string? basePath, string relativePath)
    {
        if (basePath is null)
        {
            throw new RecipeStepException($"'{relativePath}' cannot be read: this recipe was not loaded from a folder.");
        }
        var root = Path.GetFullPath(basePath);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new RecipeStepException($"'{relativePath}' is outside the recipe's folder.");
        }
        if (!File.Exists(full))
        {
            throw new RecipeStepException($"The file '{relativePath}' does not exist next to the recipe.");
        }
        return full;
    }
}
