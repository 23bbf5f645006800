using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Admin.ApiClients;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>Revoking and rotating API clients, on SQLite and PostgreSQL: the tokens are self-contained JWTs, yet a
/// revoked client's token is refused at once.</summary>
public sealed class ApiClientRevocationTests
{
    private const string Article = """{ "ContentType": "Article", "TitlePart": { "Title": "Ogłoszenie" }, "Article": { "Lead": { "Text": "x" } } }""";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARevokedClientsTokenIsRefusedWhileAnotherClientsStillWorks(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        await app.DefineRoleAsync("Reader", "AccessContentApi", "PublishContent");
        await app.RegisterClientAsync("revoked", ApiClients.Secret, "Reader");
        await app.RegisterClientAsync("kept", ApiClients.Secret, "Reader");
        var revoked = await app.CreateBearerClientAsync("revoked", ApiClients.Secret);
        var kept = await app.CreateBearerClientAsync("kept", ApiClients.Secret);
        Assert.Equal(HttpStatusCode.OK, (await revoked.PostItemAsync(Article)).StatusCode);

        Assert.True(await app.InScopeAsync(s => s.GetRequiredService<ApiClientAdministration>().RevokeAsync("revoked")));

        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.PostItemAsync(Article)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.PostItemAsync(Article)).StatusCode);
        Assert.False((await app.RequestTokenAsync("revoked", ApiClients.Secret)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task ARotatedSecretGetsNoTokenAndTheNewOneDoes()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.RegisterClientAsync("rotated", ApiClients.Secret);

        var secret = await app.InScopeAsync(s => s.GetRequiredService<ApiClientAdministration>().RotateSecretAsync("rotated"));

        Assert.False((await app.RequestTokenAsync("rotated", ApiClients.Secret)).IsSuccessStatusCode);
        Assert.NotEqual(ApiClients.Secret, secret);
        Assert.NotEmpty(await app.GetTokenAsync("rotated", secret!));
    }
}
