using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Module.Features.Webhooks;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Webhooks;

/// <summary>Content events reach a real HTTP receiver, signed, retried with backoff, and logged.</summary>
public sealed class WebhookDeliveryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PublishingAnArticleSendsASignedEventAndTheLogShowsItSucceeded(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(provider);
        await app.SubscribeAsync(receiver);
        var client = app.CreateClient();

        var article = await app.PublishArticleAsync("Forum in Gdańsk");

        var webhook = (await receiver.WaitForAsync(r => r.Count == 1))[0];
        Assert.Equal("/rebuild", webhook.Path);
        Assert.Equal("published", webhook.Header("X-Twinning-Event"));
        Assert.StartsWith("application/json", webhook.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(WebhookTestSite.ExpectedSignature(WebhookTestSite.Secret, webhook), webhook.Header("X-Twinning-Signature"));
        Assert.NotEqual(WebhookTestSite.ExpectedSignature("some-other-secret-entirely", webhook), webhook.Header("X-Twinning-Signature"));
        var timestamp = long.Parse(webhook.Header("X-Twinning-Timestamp"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, -5, 60);
        var body = JsonNode.Parse(webhook.Body)!;
        Assert.Equal(webhook.Header("X-Twinning-Delivery"), (string?)body["id"]);
        Assert.Equal("published", (string?)body["event"]);
        Assert.Equal(article.ContentItemId, (string?)body["contentItemId"]);
        Assert.Equal(article.ContentItemVersionId, (string?)body["contentItemVersionId"]);
        Assert.Equal("Article", (string?)body["contentType"]);
        Assert.Equal("Forum in Gdańsk", (string?)body["displayText"]);
        Assert.True(DateTime.TryParse((string?)body["occurredUtc"], System.Globalization.CultureInfo.InvariantCulture, out _));

        var subscriptionId = await client.SubscriptionIdAsync();
        var log = await client.WaitForDeliveriesAsync(subscriptionId, items => items.Count == 1 && (string?)items[0]!["status"] == "succeeded");
        var delivery = log["items"]![0]!;
        Assert.Equal(1, (int)log["total"]!);
        Assert.Equal(1, (int)delivery["attempts"]!);
        Assert.Equal(200, (int)delivery["lastStatusCode"]!);
        Assert.Equal((string?)body["id"], (string?)delivery["eventId"]);
        Assert.NotNull(delivery["completedUtc"]);
    }

    [Fact]
    public async Task UnpublishingAndRemovingSendTheirOwnEventsInOrder()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite);
        await app.SubscribeAsync(receiver);
        var article = await app.PublishArticleAsync("Partnership agreement signed");

        await app.UnpublishAsync(article.ContentItemId);
        await app.RemoveAsync(article.ContentItemId);

        var received = await receiver.WaitForAsync(r => r.Count == 3);
        Assert.Equal(["published", "unpublished", "removed"], received.Select(r => r.Header("X-Twinning-Event")));
        Assert.All(received, r => Assert.Equal(article.ContentItemId, (string?)JsonNode.Parse(r.Body)!["contentItemId"]));
        Assert.All(received, r => Assert.Equal(WebhookTestSite.ExpectedSignature(WebhookTestSite.Secret, r), r.Header("X-Twinning-Signature")));
        Assert.Equal(3, received.Select(r => r.Header("X-Twinning-Delivery")).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFailingReceiverIsRetriedWithGrowingDelaysUntilItSucceeds(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        using var app = await WebhookTestSite.StartAsync(provider);
        await app.SubscribeAsync(receiver);
        var client = app.CreateClient();

        await app.PublishArticleAsync("Retry me");

        var received = await receiver.WaitForAsync(r => r.Count == 3);
        Assert.Equal([500, 500, 200], received.Select(r => r.AnsweredWith));
        Assert.Single(received.Select(r => r.Header("X-Twinning-Delivery")).Distinct());
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.All(received, r => Assert.Equal(WebhookTestSite.ExpectedSignature(WebhookTestSite.Secret, r), r.Header("X-Twinning-Signature")));
        // Backoff of 100 ms: the first retry waits at least 100 ms, the second at least 400 ms. (Only lower bounds: on a
        // busy machine an attempt may start later than planned, so the first gap can outlast the second.)
        var first = received[1].ReceivedAt - received[0].ReceivedAt;
        var second = received[2].ReceivedAt - received[1].ReceivedAt;
        Assert.True(first >= TimeSpan.FromMilliseconds(90), $"first retry after {first}");
        Assert.True(second >= TimeSpan.FromMilliseconds(390), $"second retry after {second}");

        var log = await client.WaitForDeliveriesAsync(await client.SubscriptionIdAsync(), items => (string?)items[0]!["status"] == "succeeded");
        Assert.Equal(3, (int)log["items"]![0]!["attempts"]!);
        Assert.Equal(200, (int)log["items"]![0]!["lastStatusCode"]!);
        Assert.Null(log["items"]![0]!["lastError"]);
    }

    [Fact]
    public async Task ADeliveryThatKeepsFailingIsMarkedFailedAfterTheLastAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 100);
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite, new Dictionary<string, string?> { ["Twinning:Webhooks:MaxAttempts"] = "3" });
        await app.SubscribeAsync(receiver);
        var client = app.CreateClient();

        await app.PublishArticleAsync("Never arrives");

        var log = await client.WaitForDeliveriesAsync(await client.SubscriptionIdAsync(), items => (string?)items[0]!["status"] == "failed");
        var delivery = log["items"]![0]!;
        Assert.Equal(3, (int)delivery["attempts"]!);
        Assert.Equal(500, (int)delivery["lastStatusCode"]!);
        Assert.Contains("500", (string?)delivery["lastError"], StringComparison.Ordinal);
        Assert.Null(delivery["nextAttemptUtc"]);
        Assert.Equal(3, receiver.Received.Count);
        Assert.Contains(app.Log, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("failed after 3 attempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AContentTypeFilterLeavesOtherTypesOut()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite);
        await app.SubscribeAsync(receiver, contentTypes: """["Article"]""");
        var topic = ContentItemJsonConverter.FromJson(new JsonObject { ["ContentType"] = "Topic", ["TitlePart"] = new JsonObject { ["Title"] = "Culture" } });

        Assert.True((await app.SaveAsync(topic)).Succeeded);
        var article = await app.PublishArticleAsync("Only this one");

        var received = await receiver.WaitForAsync(r => r.Count >= 1);
        Assert.Equal(article.ContentItemId, (string?)JsonNode.Parse(Assert.Single(received).Body)!["contentItemId"]);
        await using var db = app.CreateDbContext();
        Assert.Equal(["Article"], await db.Set<WebhookDeliveryRecord>().Select(d => d.ContentType).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARolledBackRecipeSendsNothing(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(provider);
        await app.SubscribeAsync(receiver);

        var rejected = await app.RunRecipeAsync("""
            { "name": "rolled-back", "steps": [
              { "name": "content", "Data": [ { "ContentItemId": "rolledback0000000000000000", "ContentType": "Article", "Published": true,
                "TitlePart": { "Title": "Rolled back" }, "Article": { "Lead": { "Text": "Lead" } } } ] },
              { "name": "settings", "SiteName": 5 } ] }
            """);
        Assert.False(rejected.Succeeded);
        // A later publish is delivered: once it has arrived, anything from the rolled-back recipe would have too.
        var later = await app.PublishArticleAsync("Committed later");

        var received = await receiver.WaitForAsync(r => r.Count >= 1);
        Assert.Equal(later.ContentItemId, (string?)JsonNode.Parse(Assert.Single(received).Body)!["contentItemId"]);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Set<WebhookDeliveryRecord>().AnyAsync(d => d.ContentItemId == "rolledback0000000000000000"));
    }

    [Fact]
    public async Task ContentPublishedByARecipeIsSentOnceTheRecipeCommits()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite);

        var result = await app.RunRecipeAsync($$"""
            { "name": "subscribe-and-publish", "steps": [
              { "name": "Webhooks", "Webhooks": [ { "Name": "Rebuild", "Url": "{{receiver.Url}}", "Secret": "{{WebhookTestSite.Secret}}", "Events": ["published"] } ] },
              { "name": "content", "Data": [ { "ContentItemId": "fromrecipe0000000000000000", "ContentType": "Article", "Published": true,
                "TitlePart": { "Title": "From a recipe" }, "Article": { "Lead": { "Text": "Lead" } } } ] } ] }
            """);

        Assert.True(result.Succeeded, result.ToString());
        var webhook = Assert.Single(await receiver.WaitForAsync(r => r.Count >= 1));
        Assert.Equal("fromrecipe0000000000000000", (string?)JsonNode.Parse(webhook.Body)!["contentItemId"]);
        Assert.Equal(WebhookTestSite.ExpectedSignature(WebhookTestSite.Secret, webhook), webhook.Header("X-Twinning-Signature"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TwoInstancesSharingTheDatabaseSendEachEventOnce(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(provider, new Dictionary<string, string?> { ["Twinning:Webhooks:PollInterval"] = "00:00:00.020" });
        await app.SubscribeAsync(receiver);
        // A second host on the same database, polling for work just as often.
        using var second = app.WithWebHostBuilder(_ => { });
        second.CreateClient();

        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await app.PublishArticleAsync($"Article {i}")).ContentItemId);
        }

        var received = await receiver.WaitForAsync(r => r.Count >= ids.Count);
        await using var db = app.CreateDbContext();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await db.Set<WebhookDeliveryRecord>().AnyAsync(d => d.Status != WebhookStatuses.Succeeded) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        received = receiver.Received;
        Assert.Equal(ids.Order(), received.Select(r => (string)JsonNode.Parse(r.Body)!["contentItemId"]!).Order());
        Assert.All(await db.Set<WebhookDeliveryRecord>().ToListAsync(), d =>
        {
            Assert.Equal(WebhookStatuses.Succeeded, d.Status);
            Assert.Equal(1, d.Attempts);
        });
    }
}
