using System.Text.Json.Nodes;
using Twinning.Module.Features.Media;

namespace Twinning.Module.Features.Recipes;

/// <summary>One kind of recipe step, found by its <c>name</c> (case-insensitive, as in Orchard Core).</summary>
public interface IRecipeStep
{
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context);
}

public sealed class RecipeStepContext(JsonObject step, int index, string? name, string? basePath, MediaStaging media, string? userName)
{
    private readonly List<RecipeError> _errors = [];
    private readonly List<RecipeError> _passedOver = [];

    public JsonObject Step { get; } = step;
    public int Index { get; } = index;
    public string? Name { get; } = name;

    /// <summary>The recipe file's folder, for files the step refers to.</summary>
    public string? BasePath { get; } = basePath;

    /// <summary>Media files the step imports, written only if the whole recipe commits.</summary>
    public MediaStaging Media { get; } = media;

    public string? UserName { get; } = userName;

    public IReadOnlyList<RecipeError> Errors => _errors;

    /// <summary>What the step asked for that Twinning does not have, and so left out (as Orchard Core leaves out
    /// what no enabled feature handles); the recipe still applies.</summary>
    public IReadOnlyList<RecipeError> PassedOver => _passedOver;

    public void Fail(string message, string? contentItemId = null, string? field = null)
        => _errors.Add(new RecipeError(Index, Name, contentItemId, field, message));

    public void PassOver(string message, string? contentItemId = null, string? field = null)
        => _passedOver.Add(new RecipeError(Index, Name, contentItemId, field, message));
}
