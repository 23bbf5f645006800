using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Twinning.Module.Features.Admin.Account;

namespace Twinning.Module.Tests.Admin;

/// <summary>The forms kept while editors sign in again: each client (address) has its share, its oldest forms given
/// up first, so one client posting many forms does not push out another's.</summary>
public sealed class PendingFormsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddAntiforgery().BuildServiceProvider();
    private readonly PendingForms _forms;
    private readonly string _owner;

    public PendingFormsTests()
    {
        _forms = new PendingForms(_services.GetRequiredService<IAntiforgery>(), _services.GetRequiredService<IOptions<AntiforgeryOptions>>(),
            _services.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);
        _owner = _forms.Owner(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "editor-1")], "Test")))!;
    }

    public void Dispose()
    {
        _forms.Dispose();
        _services.Dispose();
    }

    /// <summary>An editor form posted signed out from <paramref name="address"/> with the browser cookie <paramref name="browser"/>.</summary>
    private DefaultHttpContext Post(string address, string browser, string path, string text = "Typed")
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        http.Request.Method = HttpMethods.Post;
        http.Request.Path = path;
        http.Request.Headers.Cookie = $"{_services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name}={browser}";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["__RequestVerificationToken"] = "token",
            [PendingForms.OwnerField] = _owner,
            ["Forum.Subtitle.Text"] = text,
        });
        return http;
    }

    private async Task<HttpContext> KeepAsync(string address, string browser, string path, string text = "Typed")
    {
        var http = Post(address, browser, path, text);
        await _forms.KeepAsync(http);
        return http;
    }

    [Fact]
    public async Task OneAddressFillingItsShareGivesUpItsOwnOldestFormsNotAnotherAddresssForm()
    {
        var editor = await KeepAsync("192.0.2.10", "editor-browser", "/admin/content/edit/forum");
        Assert.True(_forms.Waits(editor, "/admin/content/edit/forum"));

        var flood = new List<HttpContext>();
        for (var i = 0; i < PendingForms.MaxFormsPerClient + 5; i++)
        {
            flood.Add(await KeepAsync("198.51.100.7", $"browser-{i}", $"/admin/content/edit/item{i}"));
        }

        Assert.True(_forms.Waits(editor, "/admin/content/edit/forum"));
        // The flooding address keeps its newest forms only.
        Assert.Equal(PendingForms.MaxFormsPerClient, flood.Select((http, i) => _forms.Waits(http, $"/admin/content/edit/item{i}")).Count(w => w));
        Assert.False(_forms.Waits(flood[0], "/admin/content/edit/item0"));
        Assert.True(_forms.Waits(flood[^1], $"/admin/content/edit/item{flood.Count - 1}"));
    }

    [Fact]
    public async Task AnAddresssFormsTakeAtMostItsShareOfMemoryAndTheSameFormPostedAgainReplacesItsEntry()
    {
        var editor = await KeepAsync("2001:db8:1::5", "editor-browser", "/admin/content/edit/forum");
        // Large forms from another /64 network: each an eighth of the client's share (UTF-16).
        var large = new string('x', (int)(PendingForms.MaxBytesPerClient / 2 / 8));
        var flood = new List<HttpContext>();
        for (var i = 0; i < 10; i++)
        {
            // Another address in the same /64 network is the same client.
            flood.Add(await KeepAsync($"2001:db8:2::{i + 1:x}", $"browser-{i}", $"/admin/content/edit/item{i}", large));
        }
        Assert.True(_forms.Waits(editor, "/admin/content/edit/forum"));
        var kept = flood.Select((http, i) => _forms.Waits(http, $"/admin/content/edit/item{i}")).ToList();
        Assert.Equal([false, false, false, true, true, true, true, true, true, true], kept);

        // The editor's browser posting the same form again: still one entry of the client's share, and kept.
        for (var i = 0; i < PendingForms.MaxFormsPerClient + 1; i++)
        {
            editor = await KeepAsync("2001:db8:1::5", "editor-browser", "/admin/content/edit/forum", $"Typed {i}");
        }
        Assert.True(_forms.Waits(editor, "/admin/content/edit/forum"));
        // A form larger than a client's share is not kept at all.
        var huge = await KeepAsync("192.0.2.99", "huge", "/admin/content/edit/huge", new string('x', (int)PendingForms.MaxBytesPerClient));
        Assert.False(_forms.Waits(huge, "/admin/content/edit/huge"));
    }
}
