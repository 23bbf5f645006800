using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Preview;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Api;

/// <summary>A front end's preview: the admin's "Preview on the site" link opens the configured address with a
/// short-lived signed token, which lets its holder read that one item's latest draft through
/// <c>GET /api/content/{id}</c> (<c>Authorization: Preview {token}</c>), and nothing else.</summary>
public sealed partial class PreviewTokenTests
{
    private const string Password = "a long passphrase for tests";

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>An Article on the site ("Forum 2027") with a newer draft ("Forum 2027 – szkic"), and a second item.</summary>
    private static async Task<(TwinningApplication App, string Id, string Other)> StartAsync()
    {
        var app = await Articles.StartAsync(Providers.Sqlite);
        var published = (await app.SaveAsync(Articles.New("Forum 2027", "Opublikowany wstęp."))).Item!;
        var draft = Articles.New("Forum 2027 – szkic", "Nowy wstęp, jeszcze nie na stronie.", id: published.ContentItemId);
        Assert.True((await app.SaveAsync(draft, publish: false)).Succeeded);
        var other = (await app.SaveAsync(Articles.New("Inny artykuł"), publish: false)).Item!.ContentItemId;
        return (app, published.ContentItemId, other);
    }

    private static HttpRequestMessage Get(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Preview", token);
        return request;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await response.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Preview", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TheAdminsLinkOpensTheFrontEndWithATokenThatReadsTheLatestDraft()
    {
        var (app, id, _) = await StartAsync();
        using var started = app;
        Assert.True((await app.RunRecipeAsync("""{ "name": "preview", "steps": [ { "name": "settings", "FrontEndPreviewUrl": "https://www.gdansk.pl/podglad/{id}" } ] }""")).Succeeded);
        await app.DefineRoleAsync("Editor", "EditContent", "ViewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("ewa", null, Password, ["Editor"])));
        var editor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await editor.SignInAsync("ewa", Password);

        var link = await editor.GetAsync($"/admin/content/{id}/preview?handler=site");

        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        var location = link.Headers.Location!.ToString();
        Assert.StartsWith($"https://www.gdansk.pl/podglad/{id}?contentItemId={id}&token=", location, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(TokenParameter().Match(location).Groups[1].Value);

        // The front end's server reads the draft with the token; the published version is not what it gets.
        var visitor = app.CreateClient();
        var read = await visitor.SendAsync(Get($"/api/content/{id}", token));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(read.Headers.CacheControl is { Private: true, NoStore: true }, read.Headers.CacheControl?.ToString());
        Assert.Null(read.Headers.ETag);
        var item = await read.JsonAsync();
        Assert.Equal("Forum 2027 – szkic", item["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.False(item["Published"]!.GetValue<bool>());
        // Everybody else still gets the published version, also after the preview (nothing kept from it).
        var published = await (await visitor.GetAsync($"/api/content/{id}")).JsonAsync();
        Assert.Equal("Forum 2027", published["TitlePart"]!["Title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATokenReadsNothingButItsOwnItem()
    {
        var (app, id, other) = await StartAsync();
        using var started = app;
        var token = app.Services.GetRequiredService<PreviewTokens>().Issue(id).Token;
        var visitor = app.CreateClient();

        // Another item's draft.
        await AssertRefusedAsync(await visitor.SendAsync(Get($"/api/content/{other}", token)), "another content item");
        // Lists and GraphQL: the token is no credential there, so drafts stay hidden.
        var list = await visitor.SendAsync(Get("/api/content?contentType=Article", token));
        Assert.DoesNotContain("szkic", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var graphQL = new HttpRequestMessage(HttpMethod.Post, "/api/graphql") { Content = JsonContent("""{ "query": "{ article(status: LATEST) { displayText } }" }""") };
        graphQL.Headers.Authorization = new AuthenticationHeaderValue("Preview", token);
        Assert.DoesNotContain("szkic", await (await visitor.SendAsync(graphQL)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // No writes: publish, unpublish, delete and a save are refused as for any visitor.
        foreach (var write in new[]
        {
            new HttpRequestMessage(HttpMethod.Post, $"/api/content/{id}/publish"),
            new HttpRequestMessage(HttpMethod.Post, $"/api/content/{id}/unpublish"),
            new HttpRequestMessage(HttpMethod.Delete, $"/api/content/{id}"),
            new HttpRequestMessage(HttpMethod.Post, "/api/content") { Content = JsonContent($$"""{ "ContentItemId": "{{id}}", "TitlePart": { "Title": "Zmienione" } }""") },
        })
        {
            write.Headers.Authorization = new AuthenticationHeaderValue("Preview", token);
            var response = await visitor.SendAsync(write);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{write.Method} {write.RequestUri}: {response.StatusCode}");
        }
        Assert.Equal("Forum 2027", (await app.GetAsync(id))!.DisplayText);
        Assert.Equal("Forum 2027 – szkic", (await app.GetAsync(id, VersionOptions.Latest))!.DisplayText);
    }

    [Fact]
    public async Task AnExpiredOrTamperedTokenIsRefused()
    {
        var (app, id, _) = await StartAsync();
        using var started = app;
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var site = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var token = site.Services.GetRequiredService<PreviewTokens>().Issue(id).Token;
        var visitor = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(Get($"/api/content/{id}", token))).StatusCode);

        // One character changed.
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        await AssertRefusedAsync(await visitor.SendAsync(Get($"/api/content/{id}", tampered)), "not valid");
        await AssertRefusedAsync(await visitor.SendAsync(Get($"/api/content/{id}", "not-a-token")), "not valid");

        // Within the default 30 minutes it works; after them it is refused.
        clock.Now = clock.Now.AddMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(Get($"/api/content/{id}", token))).StatusCode);
        clock.Now = clock.Now.AddMinutes(2);
        await AssertRefusedAsync(await visitor.SendAsync(Get($"/api/content/{id}", token)), "expired");
    }

    [Fact]
    public async Task TheTokensLifetimeIsConfigurable()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite, new Dictionary<string, string?> { ["Twinning:Preview:TokenLifetime"] = "00:05:00" });
        var id = (await app.SaveAsync(Articles.New("Krótki podgląd"), publish: false)).Item!.ContentItemId;
        var before = DateTimeOffset.UtcNow;

        var (_, expires) = app.Services.GetRequiredService<PreviewTokens>().Issue(id);

        Assert.InRange(expires, before.AddMinutes(5).AddSeconds(-1), DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(1));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("[?&]token=([^&]+)")]
    private static partial Regex TokenParameter();
}
