using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Webhooks;

/// <summary>Subscriptions come from the <c>Webhooks</c> recipe step or from configuration; the API lists
/// them without secrets, to holders of <c>ManageWebhooks</c> only.</summary>
public sealed partial class WebhookConfigurationTests
{
    public static TheoryData<string, string, string> BadEntries => new()
    {
        // entry JSON, field named, message fragment
        { """{ "Name": "Rebuild", "Url": "ftp://example.org/hook", "Events": ["published"] }""", "Webhooks[0].Url", "not an absolute http or https URL" },
        { """{ "Name": "Rebuild", "Url": "/relative/hook", "Events": ["published"] }""", "Webhooks[0].Url", "not an absolute http or https URL" },
        { """{ "Name": "Rebuild", "Url": "https://example.org/hook", "Events": ["published", "archived"] }""", "Webhooks[0].Events[1]", "'archived' is not an event" },
        { """{ "Name": "Rebuild", "Url": "https://example.org/hook", "ContentTypes": ["Article", "Poster"] }""", "Webhooks[0].ContentTypes[1]", "no content type 'Poster'" },
        { """{ "Name": "Rebuild", "Url": "https://example.org/hook", "Secret": "short" }""", "Webhooks[0].Secret", "at least 16 characters" },
        { """{ "Url": "https://example.org/hook" }""", "Webhooks[0].Name", "needs a 'Name'" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task ABadWebhookEntryRejectsTheRecipeNamingTheField(string entry, string field, string message)
    {
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync($$"""
            { "name": "bad-webhook", "steps": [
              { "name": "content", "Data": [ { "ContentItemId": "shouldnotstay0000000000000", "ContentType": "Article", "Published": true,
                "TitlePart": { "Title": "Should not stay" }, "Article": { "Lead": { "Text": "Lead" } } } ] },
              { "name": "Webhooks", "Webhooks": [ {{entry}} ] } ] }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Webhooks", error.StepName);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await app.CreateClient().SubscriptionsAsync());
        Assert.Null(await app.GetAsync("shouldnotstay0000000000000"));
    }

    [Fact]
    public async Task TheRecipeStepUpdatesASubscriptionOfTheSameNameAndGeneratesAMissingSecretOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite);
        var client = app.CreateClient();
        var step = $$"""
            { "name": "webhooks", "steps": [ { "name": "webhooks", "Webhooks": [
              { "Name": "Rebuild", "Url": "{{receiver.Url}}/first", "Events": ["published"] } ] } ] }
            """;

        Assert.True((await app.RunRecipeAsync(step)).Succeeded);
        Assert.True((await app.RunRecipeAsync(step.Replace("/first", "/second", StringComparison.Ordinal))).Succeeded);

        var subscription = Assert.Single(await client.SubscriptionsAsync())!;
        Assert.Equal($"{receiver.Url}/second", (string?)subscription["url"]);
        Assert.Equal(["published"], subscription["events"]!.AsArray().Select(e => (string?)e));
        Assert.Null(subscription["secret"]);
        var secrets = app.Log.Select(l => GeneratedSecret().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var secret = Assert.Single(secrets);
        Assert.Equal(32, Convert.FromBase64String(secret).Length);

        await app.PublishArticleAsync("Signed with the generated secret");
        var webhook = Assert.Single(await receiver.WaitForAsync(r => r.Count >= 1));
        Assert.Equal("/second", webhook.Path);
        Assert.Equal(WebhookTestSite.ExpectedSignature(secret, webhook), webhook.Header("X-Twinning-Signature"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ConfiguredSubscriptionsAreStoredAtStartAndReceiveEvents(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Twinning:Webhooks:Subscriptions:0:Name"] = "Front end",
            ["Twinning:Webhooks:Subscriptions:0:Url"] = $"{receiver.Url}/configured",
            ["Twinning:Webhooks:Subscriptions:0:Secret"] = WebhookTestSite.Secret,
            ["Twinning:Webhooks:Subscriptions:0:Events:0"] = "published",
            ["Twinning:Webhooks:Subscriptions:1:Name"] = "Broken",
            ["Twinning:Webhooks:Subscriptions:1:Url"] = "not a url",
        });
        var client = app.CreateClient();

        var subscription = Assert.Single(await client.SubscriptionsAsync())!;
        Assert.Equal("Front end", (string?)subscription["name"]);
        Assert.Equal("configuration", (string?)subscription["source"]);
        Assert.Empty(subscription["contentTypes"]!.AsArray());
        Assert.DoesNotContain(WebhookTestSite.Secret, (await client.GetStringAsync("/api/webhooks")), StringComparison.Ordinal);
        Assert.Contains(app.Log, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Twinning:Webhooks:Subscriptions:1", StringComparison.Ordinal) && l.Contains("Url", StringComparison.Ordinal));

        var article = await app.PublishArticleAsync("Configured");
        await app.UnpublishAsync(article.ContentItemId);
        await app.PublishArticleAsync("Configured again");

        var received = await receiver.WaitForAsync(r => r.Count >= 2);
        Assert.All(received, r =>
        {
            Assert.Equal("/configured", r.Path);
            Assert.Equal("published", r.Header("X-Twinning-Event"));
            Assert.Equal(WebhookTestSite.ExpectedSignature(WebhookTestSite.Secret, r), r.Header("X-Twinning-Signature"));
        });
    }

    [Fact]
    public async Task TheWebhookApiNeedsTheManageWebhooksPermission()
    {
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite, anonymousManagesWebhooks: false);
        await using var receiver = await WebhookReceiver.StartAsync();
        await app.SubscribeAsync(receiver);
        // The same site, with callers signed in as whoever the X-Test-Roles header names.
        using var signedIn = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestUserStartupFilter>()));
        var client = signedIn.CreateClient();
        string subscriptionId;
        using (var admin = new HttpRequestMessage(HttpMethod.Get, "/api/webhooks"))
        {
            admin.Headers.Add("X-Test-Roles", "Administrator");
            var response = await client.SendAsync(admin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            subscriptionId = (string)(await response.Content.ReadFromJsonAsync<JsonArray>())![0]!["id"]!;
        }

        foreach (var path in new[] { "/api/webhooks", $"/api/webhooks/{subscriptionId}/deliveries" })
        {
            var anonymous = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

            using var editor = new HttpRequestMessage(HttpMethod.Get, path);
            editor.Headers.Add("X-Test-Roles", "Editor");
            var forbidden = await client.SendAsync(editor);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Contains("ManageWebhooks", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheDeliveryLogPagesNewestFirstAndAnswersProblemsForBadInput()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite);
        await app.SubscribeAsync(receiver);
        var client = app.CreateClient();
        var subscriptionId = await client.SubscriptionIdAsync();
        var titles = new[] { "First", "Second", "Third" };
        var ids = new List<string>();
        foreach (var title in titles)
        {
            ids.Add((await app.PublishArticleAsync(title)).ContentItemId);
        }
        await client.WaitForDeliveriesAsync(subscriptionId, items => items.Count == 3 && items.All(i => (string?)i!["status"] == "succeeded"));

        var page = (await client.GetFromJsonAsync<JsonObject>($"/api/webhooks/{subscriptionId}/deliveries?skip=1&take=1"))!;

        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal(ids[1], (string?)Assert.Single(page["items"]!.AsArray())!["contentItemId"]);
        var badTake = await client.GetAsync($"/api/webhooks/{subscriptionId}/deliveries?take=1000");
        Assert.Equal(HttpStatusCode.BadRequest, badTake.StatusCode);
        Assert.Contains("take", (await badTake.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        var unknown = await client.GetAsync("/api/webhooks/nosuchsubscription0000000/deliveries");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("generated secret (\\S+) ")]
    private static partial Regex GeneratedSecret();

    private sealed class TestUserStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Roles", out var roles))
                {
                    var claims = roles.ToString().Split(',').Select(r => new Claim(ClaimTypes.Role, r.Trim())).Append(new Claim(ClaimTypes.Name, "tester"));
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
