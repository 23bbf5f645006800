using System.Text.Json.Nodes;

namespace Twinning.Module.Features.Recipes.Steps;

/// <summary>
/// <c>themes</c>: Orchard Core's setup recipes name the admin and site themes. Twinning has one admin look (Orchard's
/// <c>TheAdmin</c>) and no site theme (its front ends are headless). <c>TheAdmin</c> is what it has; any other theme
/// is passed over and listed, as Orchard passes over what it cannot enable, so Orchard's own recipes still apply.
/// </summary>
public sealed class ThemesStep : IRecipeStep
{
    public const string AdminTheme = "TheAdmin";

    public string Name => "themes";

    public Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var admin = Text(context.Step["admin"]);
        var site = Text(context.Step["site"]);
        if (admin is null || site is null)
        {
            context.Fail("A theme is named by its id, as text.", field: admin is null ? "admin" : "site");
            return Task.CompletedTask;
        }
        if (admin.Length > 0 && admin != AdminTheme)
        {
            context.PassOver($"The admin theme '{admin}' was passed over: Twinning's admin has one look, {AdminTheme}'s.", field: "admin");
        }
        if (site.Length > 0)
        {
            context.PassOver($"The site theme '{site}' was passed over: Twinning serves no themed pages; front ends read the APIs.", field: "site");
        }
        return Task.CompletedTask;
    }

    /// <summary>The member's text: empty when absent, null when it is not text.</summary>
    private static string? Text(JsonNode? node)
        => node is null ? "" : node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
