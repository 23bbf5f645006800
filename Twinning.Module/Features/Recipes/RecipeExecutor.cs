using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Recipes.Steps;
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
/// errors say which step, item and field were wrong. What Twinning does not have (features, steps, items of such
/// features) is passed over, as Orchard Core passes over what no enabled feature handles, and listed in the result. Imported media files are written only after commit; the
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
        staging.Expect(MediaStep.TargetPaths(steps));
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Every step runs, even after one failed, so that one report lists every problem of the recipe; a failed
        // step's own writes are undone at once, so the steps after it neither see them nor trip over them.
        var errors = new List<RecipeError>();
        var passedOver = new List<RecipeError>();
        for (var index = 0; index < steps.Count; index++)
        {
            const string Savepoint = "recipe_step";
            await transaction.CreateSavepointAsync(Savepoint);
            var context = await RunStepAsync(steps[index], index, handlers, expressions, basePath, staging, options.UserName);
            errors.AddRange(context.Errors);
            passedOver.AddRange(context.PassedOver);
            if (context.Errors.Count > 0)
            {
                await transaction.RollbackToSavepointAsync(Savepoint);
                db.ChangeTracker.Clear();
            }
        }
        if (errors.Count == 0 && options.BeforeCommit is not null)
        {
            errors.AddRange(await options.BeforeCommit(services));
        }
        if (passedOver.Count > 0)
        {
            logger.LogInformation("Recipe '{Recipe}' passed over what Twinning does not have: {PassedOver}", recipe["name"], string.Join("; ", passedOver));
        }
        var events = services.GetRequiredService<PendingContentEvents>();
        if (errors.Count > 0)
        {
            events.Clear();
            await transaction.RollbackAsync();
            logger.LogWarning("Recipe '{Recipe}' was rejected and nothing was changed: {Errors}", recipe["name"], string.Join("; ", errors));
            return new RecipeResult(errors, passedOver);
        }
        var documents = services.GetRequiredService<DocumentStore>();
        await staging.RecordAsync(documents);
        await transaction.CommitAsync();
        await staging.CommitAsync(documents);
        await events.DispatchAsync();
        logger.LogInformation("Recipe '{Recipe}' applied: {Steps} steps.", recipe["name"], steps.Count);
        return new RecipeResult([], passedOver);
    }

    private static async Task<RecipeStepContext> RunStepAsync(
        JsonNode? node, int index, Dictionary<string, IRecipeStep> handlers, RecipeExpressions expressions,
        string? basePath, MediaStaging staging, string? userName)
    {
        if (node is not JsonObject step || step["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
        {
            var unnamed = new RecipeStepContext(node as JsonObject ?? [], index, null, basePath, staging, userName);
            unnamed.Fail("Each step must be an object with a 'name'.");
            return unnamed;
        }
        var context = new RecipeStepContext(step, index, name, basePath, staging, userName);
        if (!handlers.TryGetValue(name, out var handler))
        {
            // As in Orchard Core, where a step no enabled feature handles does nothing; here it is also reported.
            context.PassOver($"No Twinning feature handles the step '{name}'; it was passed over.");
            return context;
        }
        try
        {
            expressions.EvaluateStep(context);
            if (context.Errors.Count == 0)
            {
                await handler.ExecuteAsync(context);
            }
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
        return context;
    }

    private static RecipeResult Failed(string message) => new([new RecipeError(null, null, null, null, message)], []);
}
