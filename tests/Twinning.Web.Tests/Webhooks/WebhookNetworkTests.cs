using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Webhooks;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Webhooks;

/// <summary>Webhooks never reach inside the site's own network unless the configuration says its receivers live there:
/// such an address is refused when a subscription is saved, and a delivery is refused at the connection.</summary>
public sealed class WebhookNetworkTests
{
    private static readonly Dictionary<string, string?> PublicOnly = new() { ["Twinning:Webhooks:AllowPrivateNetworks"] = "false" };

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.1.2.3")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://[::ffff:192.168.1.10]")]
    public async Task ASubscriptionToAnAddressInsideTheNetworkIsRefusedNamingTheField(string url)
    {
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite, PublicOnly);

        var result = await app.RunRecipeAsync(WebhookTestSite.SubscriptionRecipe(url));

        Assert.False(result.Succeeded);
        Assert.Contains("Webhooks[0].Url", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("inside the site's own network", result.ToString(), StringComparison.Ordinal);
        // A public receiver is accepted (nothing is sent until content is published).
        var allowed = await app.RunRecipeAsync(WebhookTestSite.SubscriptionRecipe("https://hooks.example.org"));
        Assert.True(allowed.Succeeded, allowed.ToString());
    }

    [Fact]
    public async Task ADeliveryToAnAddressInsideTheNetworkIsRefusedWhenConnectingAndNothingArrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = await WebhookTestSite.StartAsync(Providers.Sqlite, PublicOnly);
        // A subscription stored earlier, or whose name resolves inside the network: only the connection can tell.
        var subscriptionId = IdGenerator.New();
        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TwinningDbContext>();
            db.Add(new WebhookSubscriptionRecord
            {
                Id = subscriptionId, Name = "Inside", Url = receiver.Url + "/rebuild", Secret = WebhookTestSite.Secret,
                Events = "published", CreatedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        await app.PublishArticleAsync("Forum in Gdańsk");

        var log = await app.CreateClient().WaitForDeliveriesAsync(subscriptionId, items => items.Count == 1 && items[0]!["lastError"] is not null);
        Assert.Contains("is not a public address", (string?)log["items"]![0]!["lastError"], StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetworks", (string?)log["items"]![0]!["lastError"], StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }
}
