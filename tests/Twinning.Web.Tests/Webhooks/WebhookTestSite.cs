using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Webhooks;

/// <summary>An Article site whose anonymous callers may read the webhook log, with a fast retry schedule.</summary>
internal static class WebhookTestSite
{
    public const string Secret = "a-shared-secret-for-tests-only";

    public static async Task<TwinningApplication> StartAsync(string provider, IDictionary<string, string?>? settings = null, bool anonymousManagesWebhooks = true)
    {
        var all = new Dictionary<string, string?> { ["Twinning:Webhooks:Backoff"] = "00:00:00.100" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var app = new TwinningApplication(provider, runRecipe: false, settings: all);
        app.CreateClient();
        var result = await app.RunRecipeAsync(TestRecipes.Articles);
        Assert.True(result.Succeeded, result.ToString());
        if (anonymousManagesWebhooks)
        {
            result = await app.RunRecipeAsync("""
                { "name": "manage-webhooks", "steps": [ { "name": "Roles", "Roles": [
                  { "Name": "Anonymous", "Permissions": ["ViewContent", "AccessContentApi", "ManageWebhooks"] } ] } ] }
                """);
            Assert.True(result.Succeeded, result.ToString());
        }
        return app;
    }

    /// <summary>A recipe with one <c>Webhooks</c> entry sending to <paramref name="url"/>.</summary>
    public static string SubscriptionRecipe(string url, string contentTypes = "[]", string name = "Static site rebuild")
        => $$"""
        { "name": "webhooks", "steps": [ { "name": "Webhooks", "Webhooks": [
          { "Name": "{{name}}", "Url": "{{url}}/rebuild", "Secret": "{{Secret}}",
            "Events": ["published", "unpublished", "removed"], "ContentTypes": {{contentTypes}} } ] } ] }
        """;

    public static async Task SubscribeAsync(this TwinningApplication app, WebhookReceiver receiver, string contentTypes = "[]")
    {
        var result = await app.RunRecipeAsync(SubscriptionRecipe(receiver.Url, contentTypes));
        Assert.True(result.Succeeded, result.ToString());
    }

    public static async Task<ContentItem> PublishArticleAsync(this TwinningApplication app, string title)
    {
        var saved = await app.SaveAsync(Articles.New(title));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        return saved.Item!;
    }

    public static Task<ContentItem?> UnpublishAsync(this TwinningApplication app, string contentItemId)
        => app.InScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(contentItemId, "tester"));

    public static Task<ContentItem?> RemoveAsync(this TwinningApplication app, string contentItemId)
        => app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(contentItemId, "tester"));

    /// <summary>What a receiver computes to check <c>X-Twinning-Signature</c>.</summary>
    public static string ExpectedSignature(string secret, ReceivedWebhook webhook)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{webhook.Header("X-Twinning-Timestamp")}.{webhook.Body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    public static async Task<JsonArray> SubscriptionsAsync(this HttpClient client)
        => (await client.GetFromJsonAsync<JsonArray>("/api/webhooks"))!;

    public static async Task<string> SubscriptionIdAsync(this HttpClient client, string name = "Static site rebuild")
        => (await client.SubscriptionsAsync()).Single(s => (string?)s!["name"] == name)!["id"]!.GetValue<string>();

    /// <summary>Reads the delivery log until <paramref name="done"/> holds, for at most 30 seconds.</summary>
    public static async Task<JsonObject> WaitForDeliveriesAsync(this HttpClient client, string subscriptionId, Func<JsonArray, bool> done)
    {
        // Generous for a loaded CI machine; a passing run returns as soon as the log is as expected.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var page = (await client.GetFromJsonAsync<JsonObject>($"/api/webhooks/{subscriptionId}/deliveries"))!;
            if (done(page["items"]!.AsArray()))
            {
                return page;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The delivery log did not reach the expected state in time: {page.ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
