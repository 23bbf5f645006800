using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>One request a <see cref="WebhookReceiver"/> got, with the status it answered.</summary>
public sealed record ReceivedWebhook(DateTimeOffset ReceivedAt, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>A real HTTP receiver on a free local port (Kestrel), recording every request. It answers 500
/// to the first <c>failFirst</c> requests, then 200.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private int _count;

    private WebhookReceiver(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Increment(ref _count) <= failFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            _received.Enqueue(new ReceivedWebhook(DateTimeOffset.UtcNow, context.Request.Path,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, status));
            context.Response.StatusCode = status;
        });
    }

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new WebhookReceiver(failFirst);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>The receiver's base address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    /// <summary>Waits (at most <paramref name="timeout"/>, 10 s by default) until <paramref name="done"/> holds for what was received.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = Received;
            if (done(received))
            {
                return received;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The receiver did not get what was expected in time; it got {received.Count} request(s): {string.Join(" | ", received.Select(r => r.Body))}");
            }
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
