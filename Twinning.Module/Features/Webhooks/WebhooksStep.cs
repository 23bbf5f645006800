using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Twinning.Module.Features.Recipes;

namespace Twinning.Module.Features.Webhooks;

/// <summary><c>Webhooks</c>: creates or updates webhook subscriptions by <c>Name</c>, in the recipe's
/// transaction. Every entry is checked (absolute http/https URL, known events, existing content types)
/// before any is stored.</summary>
public sealed class WebhooksStep(WebhookSubscriptionStore store, ILogger<WebhooksStep> logger) : IRecipeStep
{
    public string Name => "Webhooks";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (context.Step["Webhooks"] is not JsonArray entries)
        {
            context.Fail("The Webhooks step needs a 'Webhooks' list.", field: "Webhooks");
            return;
        }
        var definitions = new List<WebhookDefinition>();
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"Webhooks[{i}]";
            if (entries[i] is not JsonObject entry)
            {
                context.Fail("Each webhook must be an object.", field: field);
                continue;
            }
            var definition = Read(entry, field, context);
            if (definition is null)
            {
                continue;
            }
            foreach (var error in await store.ValidateAsync(definition))
            {
                context.Fail(error.Message, field: $"{field}.{error.Field}");
            }
            if (definitions.Any(d => string.Equals(d.Name, definition.Name, StringComparison.Ordinal)))
            {
                context.Fail($"The webhook '{definition.Name}' is listed twice.", field: $"{field}.Name");
            }
            definitions.Add(definition);
        }
        if (context.Errors.Count > 0)
        {
            return;
        }
        foreach (var definition in definitions)
        {
            var saved = await store.SaveAsync(definition, WebhookSources.Recipe);
            if (saved.GeneratedSecret is not null)
            {
                // The secret is never returned by the API: this log line is the one place it is shown.
                logger.LogWarning("Created the webhook '{Name}' with the generated secret {Secret} . It is shown only this once: give it to the receiver.",
                    saved.Subscription.Name, saved.GeneratedSecret);
            }
        }
    }

    private static WebhookDefinition? Read(JsonObject entry, string field, RecipeStepContext context)
    {
        var valid = true;
        string? Text(string key)
        {
            var node = entry[key];
            if (node is null)
            {
                return null;
            }
            if (node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                return text;
            }
            context.Fail($"'{key}' must be text.", field: $"{field}.{key}");
            valid = false;
            return null;
        }
        List<string> List(string key)
        {
            var node = entry[key];
            if (node is null)
            {
                return [];
            }
            if (node is JsonArray array && array.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String))
            {
                return array.Select(n => n!.GetValue<string>().Trim()).ToList();
            }
            context.Fail($"'{key}' must be a list of names.", field: $"{field}.{key}");
            valid = false;
            return [];
        }
        var name = Text("Name");
        var url = Text("Url");
        var secret = Text("Secret");
        var events = List("Events");
        var contentTypes = List("ContentTypes");
        var enabled = true;
        if (entry["Enabled"] is { } enabledNode)
        {
            if (enabledNode.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                enabled = enabledNode.GetValue<bool>();
            }
            else
            {
                context.Fail("'Enabled' must be true or false.", field: $"{field}.Enabled");
                valid = false;
            }
        }
        return valid ? new WebhookDefinition(name?.Trim(), url?.Trim(), secret, events, contentTypes, enabled) : null;
    }
}
