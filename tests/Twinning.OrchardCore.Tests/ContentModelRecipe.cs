using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Twinning.OrchardCore.Tests;

/// <summary>
/// Makes the module's migration recipe from the municipal recipe: its ContentDefinition step and the two taxonomies with
/// their terms, every <c>[js: variables('…')]</c> replaced by the variable's literal, and no version ids (Orchard gives
/// imported items new ones), so the migration needs no scripting engine on the tenant. Regenerate the committed file with
/// <c>TWINNING_REGENERATE=1 dotnet test tests/Twinning.OrchardCore.Tests --filter MigrationRecipe</c>.
/// </summary>
internal static partial class ContentModelRecipe
{
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Generate(JsonObject shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        var variables = shared["variables"]!.AsObject();
        var steps = shared["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var definition = steps.Single(s => (string?)s["name"] == "ContentDefinition").DeepClone();
        var taxonomies = new JsonArray(steps.Single(s => (string?)s["name"] == "content")["Data"]!.AsArray()
            .Where(i => (string?)i!["ContentType"] == "Taxonomy")
            .Select(i => WithoutVersionIds(i!.DeepClone()))
            .ToArray());

        var recipe = new JsonObject
        {
            ["name"] = "TwinningContentModel",
            ["displayName"] = "Twinning content model",
            ["description"] = "Generated from recipes/twinning-municipal-site.recipe.json by tests/Twinning.OrchardCore.Tests (ContentModelRecipe); do not edit. The content types of Twinning and its two taxonomies, run by the module's migration when the Twinning feature is enabled.",
            ["author"] = shared["author"]?.DeepClone(),
            ["website"] = shared["website"]?.DeepClone(),
            ["version"] = shared["version"]?.DeepClone(),
            ["issetuprecipe"] = false,
            ["categories"] = new JsonArray("twinning"),
            ["tags"] = new JsonArray(),
            ["steps"] = new JsonArray(definition, new JsonObject { ["name"] = "content", ["Data"] = taxonomies }),
        };
        return (JsonObject)Substitute(recipe, variables)!;
    }

    public static string Write(JsonObject recipe) => recipe.ToJsonString(WriteOptions) + "\n";

    private static JsonNode WithoutVersionIds(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            obj.Remove("ContentItemVersionId");
            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                {
                    WithoutVersionIds(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>())
            {
                WithoutVersionIds(child);
            }
        }
        return node;
    }

    private static JsonNode? Substitute(JsonNode? node, JsonObject variables) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Substitute(p.Value, variables)))),
        JsonArray array => new JsonArray(array.Select(n => Substitute(n, variables)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Variable().Replace(text, m => Literal(m, variables))),
        _ => node?.DeepClone(),
    };

    private static string Literal(Match match, JsonObject variables)
    {
        var name = match.Groups["name"].Value;
        var literal = (string?)variables[name] ?? throw new InvalidOperationException($"The municipal recipe declares no variable '{name}'.");
        return literal.Contains("[js:", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"Variable '{name}' is '{literal}', not a literal: the migration recipe needs fixed ids.")
            : literal;
    }

    [GeneratedRegex(@"\[js:\s*variables\('(?<name>[^']+)'\)\]")]
    private static partial Regex Variable();
}
