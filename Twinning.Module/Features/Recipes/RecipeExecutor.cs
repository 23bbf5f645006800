using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.Recipes;

public sealed record RecipeRunOptions
{
    /// <summary>Values for <c>parameters('...')</c> (AdminUsername, SiteName, ...).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public string? UserName { get; init; }

    /// <summary>More work to commit in the same transaction, after the last step (setup creates the administrator here).</summary>
    public Func<IServiceProvider, Task<IReadOnlyList<RecipeError>>>? BeforeCommit { get; init; }
}

/// <summary>
/// Runs an Orchard Core recipe in one database transaction: every step applies, or none does and the
/// errors say which step, item and field were wrong. Imported media files are written only after commit; the
/// commit records them, so a start after a crash in between writes them (<see cref="MediaStagingArea"/>).
/// </summary>
public sealed class RecipeExecutor(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RecipeExecutor> logger)
{
    public async Task<RecipeResult> ExecuteFileAsync(string path, RecipeRunOptions? options = null)
    {
        if (!File.Exists(path))
        {
            return Failed($"The recipe file '{path}' does not exist.");
        }
        return await ExecuteAsync(await File.ReadAllTextAsync(path), Path.GetDirectoryName(Path.GetFullPath(path)), options);
    }

    public async Task<RecipeResult> ExecuteAsync(string json, string? basePath, RecipeRunOptions? options = null)
    {
        options ??= new RecipeRunOptions();
        JsonObject recipe;
        try
        {
            recipe = JsonNode.Parse(json, documentOptions: JsonInput.Options) as JsonObject
                ?? throw new JsonException("The recipe must be a JSON object.");
        }
        catch (JsonException e)
        {
            return Failed($"The recipe is not valid JSON: {e.Message}");
        }
        if (recipe["steps"] is not JsonArray steps)
        {
            return Failed("The recipe has no 'steps' array.");
        }
        if (recipe["variables"] is { } variables && variables is not JsonObject)
        {
            return Failed("The recipe's 'variables' must be an object.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var handlers = services.GetServices<IRecipeStep>().ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        var expressions = new RecipeExpressions(recipe["variables"] as JsonObject, options.Parameters, configuration, basePath);
        var db = services.GetRequiredService<TwinningDbContext>();
        var staging = services.GetRequiredService<MediaStaging>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var errors = new List<RecipeError>();
        for (var index = 0; index < steps.Count && errors.Count == 0; index++)
        {
            errors.AddRange(await RunStepAsync(steps[index], index, handlers, expressions, basePath, staging, options.UserName));
        }
        if (errors.Count == 0 && options.BeforeCommit is not null)
        {
            errors.AddRange(await options.BeforeCommit(services));
        }
        var events = services.GetRequiredService<PendingContentEvents>();
        if (errors.Count > 0)
        {
            events.Clear();
            await transaction.RollbackAsync();
            logger.LogWarning("Recipe '{Recipe}' was rejected and nothing was changed: {Errors}", recipe["name"], string.Join("; ", errors));
            return new RecipeResult(errors);
        }
        var documents = services.GetRequiredService<DocumentStore>();
        await staging.RecordAsync(documents);
        await transaction.CommitAsync();
        await staging.CommitAsync(documents);
        await events.DispatchAsync();
        logger.LogInformation("Recipe '{Recipe}' applied: {Steps} steps.", recipe["name"], steps.Count);
        return new RecipeResult([]);
    }

    private static async Task<IReadOnlyList<RecipeError>> RunStepAsync(
        JsonNode? node, int index, Dictionary<string, IRecipeStep> handlers, RecipeExpressions expressions,
        string? basePath, MediaStaging staging, string? userName)
    {
        if (node is not JsonObject step || step["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
        {
            return [new RecipeError(index, null, null, null, "Each step must be an object with a 'name'.")];
        }
        if (!handlers.TryGetValue(name, out var handler))
        {
            return [new RecipeError(index, name, null, null, $"Unknown step '{name}'. Known steps: {string.Join(", ", handlers.Keys.Order())}.")];
        }
        var context = new RecipeStepContext(step, index, name, basePath, staging, userName);
        try
        {
            expressions.EvaluateTree(step);
            await handler.ExecuteAsync(context);
        }
        catch (RecipeStepException e)
        {
            context.Fail(e.Message, e.ContentItemId, e.Field);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // A value of the wrong JSON kind (a number where text belongs, ...) surfaces as one of these.
            context.Fail($"The step's JSON does not have the expected shape: {e.Message}");
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e)
        {
            context.Fail($"The database refused the step: {e.InnerException?.Message ?? e.Message}");
        }
        return context.Errors;
    }

    private static RecipeResult Failed(string message) => new([new RecipeError(null, null, null, null, message)]);
}
