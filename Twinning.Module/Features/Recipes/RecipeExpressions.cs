using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Microsoft.Extensions.Configuration;
using Twinning.Core.Content;

namespace Twinning.Module.Features.Recipes;

/// <summary>
/// Evaluates the script values of Orchard Core recipes. A string value that is wholly an expression,
/// <c>[js: ...]</c> or <c>[file: ...]</c>, is replaced by its result, again while the result is itself an
/// expression. <c>js</c> is JavaScript run by Jint, as in Orchard Core, with the functions Orchard gives recipes:
/// <c>uuid()</c>, <c>variables('name')</c>, <c>parameters('name')</c>, <c>configuration('key', 'default')</c>,
/// <c>base64('...')</c>, <c>html('...')</c>, <c>gzip('...')</c> and <c>getUrlPrefix('path')</c>. <c>file</c> has
/// <c>text('relative/path')</c> and <c>base64('relative/path')</c>. Variables are evaluated once, on first use, so
/// a <c>uuid()</c> variable names one item everywhere. Each script runs in a fresh engine with limits on time,
/// statements, memory and recursion, since a recipe may come from someone else.
/// </summary>
public sealed partial class RecipeExpressions(
    JsonObject? variables,
    IReadOnlyDictionary<string, string> parameters,
    IConfiguration configuration,
    string? basePath)
{
    /// <summary>Orchard Core script functions of features Twinning does not have: calling one passes the value over.</summary>
    private static readonly Dictionary<string, string> PassedOverFunctions = new(StringComparer.Ordinal)
    {
        ["createWorkflowToken"] = "OrchardCore.Workflows.Http",
        ["signalUrl"] = "OrchardCore.Workflows.Http",
    };

    private static readonly ScriptParsingOptions Parsing = new() { AllowReturnOutsideFunction = true };

    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, string> _evaluatedVariables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>Replaces every expression in the tree, in place; the first failure throws.</summary>
    public JsonNode? EvaluateTree(JsonNode? node) => Walk(node, "", null, context: null);

    /// <summary>
    /// Replaces every expression of a step, in place. Each failure is reported on the step with the item and member it
    /// sits in, and the walk goes on so one report lists them all. A call of a function that belongs to a feature
    /// Twinning passes over leaves the member empty (null) and is listed as passed over.
    /// </summary>
    public void EvaluateStep(RecipeStepContext context) => Walk(context.Step, "", null, context);

    private JsonNode? Walk(JsonNode? node, string path, string? itemId, RecipeStepContext? context)
    {
        switch (node)
        {
            case JsonObject obj:
                // The item's own id first, so that every other failure inside the item can name it.
                var keys = obj.Select(p => p.Key).OrderBy(k => k == nameof(ContentItem.ContentItemId) ? 0 : 1).ToList();
                foreach (var key in keys)
                {
                    var value = obj[key];
                    var evaluated = Walk(value, Join(path, key), itemId, context);
                    if (!ReferenceEquals(evaluated, value))
                    {
                        obj[key] = evaluated;
                    }
                    if (key == nameof(ContentItem.ContentItemId) && obj[key] is JsonValue id && id.TryGetValue<string>(out var text))
                    {
                        itemId = text;
                    }
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var evaluated = Walk(array[i], $"{path}[{i}]", itemId, context);
                    if (!ReferenceEquals(evaluated, array[i]))
                    {
                        array[i] = evaluated;
                    }
                }
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && IsExpression(text):
                if (context is null)
                {
                    return JsonValue.Create(Evaluate(text));
                }
                try
                {
                    return JsonValue.Create(Evaluate(text));
                }
                catch (PassedOverFunctionException e)
                {
                    context.PassOver($"'{text}' calls {e.Function}() of {e.Feature}, which Twinning passes over; the value is left empty.", itemId, path);
                    return null;
                }
                catch (RecipeStepException e)
                {
                    context.Fail($"The expression '{text}' failed: {e.Message}", itemId, path);
                    return value;
                }
            default:
                return node;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

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

    /// <summary>As Orchard Core decides: '[' letters ':' ... ']'.</summary>
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
        var engine = new Engine(options =>
        {
            options.TimeoutInterval(MaxTime).MaxStatements(100_000).LimitMemory(32_000_000).LimitRecursion(64).DisableStringCompilation();
            // One regular expression is one statement: it gets its own clock.
            options.Constraints.RegexTimeout = MaxTime;
        });
        Define(engine, "uuid", _ => IdGenerator.New());
        Define(engine, "variables", args => Variable(Argument(args, 0, "variables")));
        Define(engine, "parameters", args => Parameter(Argument(args, 0, "parameters")));
        Define(engine, "configuration", args => configuration[Argument(args, 0, "configuration")] ?? OptionalArgument(args, 1));
        Define(engine, "base64", args => DecodeBase64(Argument(args, 0, "base64")));
        Define(engine, "html", args => WebUtility.HtmlDecode(Argument(args, 0, "html")));
        Define(engine, "gzip", args => Gunzip(Argument(args, 0, "gzip")));
        // Twinning serves from the root of its host: the prefix is the path itself.
        Define(engine, "getUrlPrefix", args => "/" + (OptionalArgument(args, 0) ?? "").Trim(' ', '/'));
        foreach (var (name, feature) in PassedOverFunctions)
        {
            Define(engine, name, _ => throw new PassedOverFunctionException(name, feature));
        }
        try
        {
            var result = engine.Evaluate(script, Parsing);
            return result.IsNull() || result.IsUndefined() ? "" : TypeConverter.ToString(result);
        }
        catch (JavaScriptException e)
        {
            throw new RecipeStepException(e.Message);
        }
        catch (Exception e) when (e is JintException or TimeoutException or Acornima.ParseErrorException)
        {
            throw new RecipeStepException(e switch
            {
                TimeoutException => "it ran longer than 2 seconds.",
                StatementsCountOverflowException => "it ran more than 100,000 statements.",
                MemoryLimitExceededException => "it used more than 32 MB of memory.",
                RecursionDepthOverflowException => "it recursed more than 64 calls deep.",
                _ => e.Message,
            });
        }
    }

    private static void Define(Engine engine, string name, Func<JsValue[], string?> function)
        => engine.SetValue(name, new ClrFunction(engine, name, (_, args) => function(args) is { } text ? new JsString(text) : JsValue.Null));

    private static string Argument(JsValue[] args, int index, string function)
        => OptionalArgument(args, index) ?? throw new RecipeStepException($"{function}() needs a text argument.");

    private static string? OptionalArgument(JsValue[] args, int index)
        => index < args.Length && !args[index].IsNull() && !args[index].IsUndefined() ? TypeConverter.ToString(args[index]) : null;

    private string Parameter(string name)
        => parameters.TryGetValue(name, out var value)
            ? value
            : throw new RecipeStepException(parameters.Count == 0
                ? $"parameters('{name}'): this run of the recipe has no parameters."
                : $"parameters('{name}'): this run of the recipe has no such parameter (it has {string.Join(", ", parameters.Keys.Order(StringComparer.Ordinal))}).");

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
        var call = FileCallPattern().Match(script);
        if (!call.Success)
        {
            throw new RecipeStepException($"Unsupported file expression '{script}'; use [file:text('relative/path')] or [file:base64('relative/path')].");
        }
        var path = RecipeFiles.Resolve(basePath, call.Groups["path"].Value.Replace("\\'", "'", StringComparison.Ordinal));
        return call.Groups["fn"].Value == "text" ? File.ReadAllText(path) : Convert.ToBase64String(File.ReadAllBytes(path));
    }

    private static byte[] FromBase64(string text, string function)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new RecipeStepException($"{function}('{text}') is not valid Base64.");
        }
    }

    private static string DecodeBase64(string text) => Encoding.UTF8.GetString(FromBase64(text, "base64"));

    /// <summary>Base64 of gzip-compressed bytes to Base64 of the bytes, as Orchard Core's <c>gzip</c>.</summary>
    private static string Gunzip(string text)
    {
        try
        {
            using var compressed = new GZipStream(new MemoryStream(FromBase64(text, "gzip")), CompressionMode.Decompress);
            using var output = new MemoryStream();
            compressed.CopyTo(output);
            return Convert.ToBase64String(output.ToArray());
        }
        catch (InvalidDataException)
        {
            throw new RecipeStepException($"gzip('{text}') is not gzip data.");
        }
    }

    [GeneratedRegex(@"^(?<fn>text|base64)\(\s*'(?<path>(?:[^'\\]|\\.)*)'\s*\)$")]
    private static partial Regex FileCallPattern();

    private sealed class PassedOverFunctionException(string function, string feature)
        : RecipeStepException($"{function}() belongs to {feature}, which Twinning does not provide.")
    {
        public string Function { get; } = function;
        public string Feature { get; } = feature;
    }
}

/// <summary>Files a recipe refers to, resolved as Orchard Core's file provider resolves them for a module's recipe.</summary>
public static class RecipeFiles
{
    /// <summary>
    /// A recipe sits in a module's <c>Recipes</c> folder with its files beside that folder, so a path may go up once
    /// (<c>../wwwroot/...</c>), but never above the folder that holds the recipe's folder.
    /// </summary>
    public static string Resolve(string? basePath, string relativePath)
    {
        if (basePath is null)
        {
            throw new RecipeStepException($"'{relativePath}' cannot be read: this recipe was not loaded from a folder.");
        }
        var recipeFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(basePath));
        var root = Path.GetDirectoryName(recipeFolder) ?? recipeFolder;
        var full = Path.GetFullPath(Path.Combine(recipeFolder, relativePath));
        if (Path.IsPathRooted(relativePath) || !full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new RecipeStepException($"'{relativePath}' is outside the folder that holds the recipe's folder.");
        }
        if (!File.Exists(full))
        {
            throw new RecipeStepException($"The file '{relativePath}' does not exist next to the recipe.");
        }
        return full;
    }
}
