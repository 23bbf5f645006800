namespace Twinning.Module.Features.Recipes;

/// <summary>One reason a recipe was rejected, or one thing it asked for that was passed over, located by step,
/// content item and field where they apply.</summary>
public sealed record RecipeError(int? StepIndex, string? StepName, string? ContentItemId, string? Field, string Message)
{
    public override string ToString()
    {
        var where = new List<string>();
        if (StepIndex is not null)
        {
            where.Add(StepName is null ? $"step {StepIndex}" : $"step {StepIndex} ({StepName})");
        }
        if (ContentItemId is not null)
        {
            where.Add($"item '{ContentItemId}'");
        }
        if (Field is not null)
        {
            where.Add($"field '{Field}'");
        }
        return where.Count == 0 ? Message : $"{string.Join(", ", where)}: {Message}";
    }
}

/// <summary>The outcome of a recipe run: applied whole, or not at all with every reason why; and in either case what
/// it asked for that Twinning passed over (features, steps, items and values of features Twinning does not have).</summary>
public sealed record RecipeResult(IReadOnlyList<RecipeError> Errors, IReadOnlyList<RecipeError> PassedOver)
{
    public bool Succeeded => Errors.Count == 0;

    public override string ToString()
    {
        var lines = Succeeded ? ["Recipe applied."] : Errors.Select(e => e.ToString()).ToList();
        lines.AddRange(PassedOver.Select(p => $"passed over: {p}"));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>Thrown inside a step to stop the recipe with a located message.</summary>
public class RecipeStepException(string message, string? contentItemId = null, string? field = null) : Exception(message)
{
    public string? ContentItemId { get; } = contentItemId;
    public string? Field { get; } = field;
}
