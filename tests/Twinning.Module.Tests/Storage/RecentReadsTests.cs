using Microsoft.Extensions.Options;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Tests.Storage;

/// <summary>The session check and the owner filter's names are read again after any write this instance commits, and
/// after the refresh interval, within which another instance's change counts; in between they are not read at all.</summary>
public sealed class RecentReadsTests : IDisposable
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();
    private readonly SiteChangeToken _changes;
    private readonly SiteChangeOptions _options = new() { RefreshInterval = TimeSpan.FromSeconds(1) };
    private int _reads;

    public RecentReadsTests() => _changes = new SiteChangeToken(null!, Options.Create(_options), _clock);

    public void Dispose() => _changes.Dispose();

    private RecentReads<string, string> Reads() => new(_changes, Options.Create(_options), _clock);

    private Task<string> ReadAsync(string key) => Task.FromResult($"{key} #{++_reads}");

    [Fact]
    public async Task AnAnswerIsUsedAgainUntilThisInstanceWritesAnything()
    {
        var reads = Reads();
        Assert.Equal("alice #1", await reads.GetAsync("alice", ReadAsync));
        Assert.Equal("alice #1", await reads.GetAsync("alice", ReadAsync));
        Assert.Equal("bob #2", await reads.GetAsync("bob", ReadAsync));

        _changes.Invalidate();
        Assert.Equal("alice #3", await reads.GetAsync("alice", ReadAsync));
        Assert.Equal("alice #3", await reads.GetAsync("alice", ReadAsync));
    }

    [Fact]
    public async Task AnAnswerIsReadAgainOnceTheRefreshIntervalHasPassed()
    {
        var reads = Reads();
        Assert.Equal("alice #1", await reads.GetAsync("alice", ReadAsync));
        _clock.Now += TimeSpan.FromMilliseconds(999);
        Assert.Equal("alice #1", await reads.GetAsync("alice", ReadAsync));
        _clock.Now += TimeSpan.FromMilliseconds(1);
        Assert.Equal("alice #2", await reads.GetAsync("alice", ReadAsync));
    }

    [Fact]
    public async Task AWriteCommittedDuringTheReadIsNotHiddenByWhatWasRead()
    {
        var reads = Reads();
        // The read sees the state before a write that commits while it runs: its answer must not be kept.
        Assert.Equal("alice #1", await reads.GetAsync("alice", async key =>
        {
            var answer = await ReadAsync(key);
            _changes.Invalidate();
            return answer;
        }));
        Assert.Equal("alice #2", await reads.GetAsync("alice", ReadAsync));
    }

    [Fact]
    public async Task WithARefreshIntervalOfZeroEveryRequestReads()
    {
        _options.RefreshInterval = TimeSpan.Zero;
        var reads = Reads();
        Assert.Equal("alice #1", await reads.GetAsync("alice", ReadAsync));
        Assert.Equal("alice #2", await reads.GetAsync("alice", ReadAsync));
    }
}
