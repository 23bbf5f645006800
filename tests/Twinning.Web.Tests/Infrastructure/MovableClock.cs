namespace Twinning.Web.Tests.Infrastructure;

/// <summary>The system clock, moved on by the test: registered as the site's <see cref="TimeProvider"/>, it lets a test
/// pass a lockout's or an expiry's time without waiting for it, so a slow machine cannot end it early either.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
