using System.Text.Json.Nodes;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary>
/// <c>themes</c>: Orchard Core's setup recipes name the admin and site themes. Twinning has one admin look (Orchard's
/// <c>TheAdmin</c>) and no site theme (its front ends are headless), so the step accepts exactly that and refuses any
/// other theme, rather than provisioning a site that looks different from what the recipe asked for.
/// </summary>
public sealed class ThemesStep : IRecipeStep
{
    public const string AdminTheme = "TheAdmin";

    public string Name => "themes";

    public Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var admin = Text(context.Step["admin"]);
        if (admin is null || (admin.Length > 0 && admin != AdminTheme))
        {
            context.Fail($"The admin theme must be '{AdminTheme}' (or empty), the only admin theme Twinning has.", field: "admin");
        }
        var site = Text(context.Step["site"]);
        if (site is null || site.Length > 0)
        {
            context.Fail("The site theme must be empty: Twinning serves no themed pages; front ends read the APIs.", field: "site");
        }
        return Task.CompletedTask;
    }

    /// <summary>The member's text: empty when absent, null when it is not text.</summary>
    private static string? Text(JsonNode? node)
        => node is null ? "" : node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
