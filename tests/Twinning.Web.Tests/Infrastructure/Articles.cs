using System.Text.Json.Nodes;
using Twinning.Core.Content;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Builds Article items of <see cref="TestRecipes.Articles"/> as an API client would send them.</summary>
public static class Articles
{
    public static ContentItem New(string title, string lead = "A short lead.", string? id = null)
    {
        var json = new JsonObject
        {
            ["ContentType"] = "Article",
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["Article"] = new JsonObject { ["Lead"] = new JsonObject { ["Text"] = lead } },
        };
        if (id is not null)
        {
            json["ContentItemId"] = id;
        }
        return ContentItemJsonConverter.FromJson(json);
    }

    /// <summary>An app with an empty site (no municipal recipe) and the Article type defined.</summary>
    public static async Task<TwinningApplication> StartAsync(string provider, IDictionary<string, string?>? settings = null)
    {
        var app = new TwinningApplication(provider, runRecipe: false, settings);
        app.CreateClient();
        var result = await app.RunRecipeAsync(TestRecipes.Articles);
        Assert.True(result.Succeeded, result.ToString());
        return app;
    }
}
