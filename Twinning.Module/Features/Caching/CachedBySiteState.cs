using Microsoft.AspNetCore.Builder;

namespace Twinning.Module.Features.Caching;

/// <summary>Marks an endpoint whose GET answers depend only on the site's content, definitions and settings
/// (and on who asks), so the site change token may tag them with an ETag and the server may keep them.
/// Endpoints over other data (the webhook delivery log, say) are left unmarked and are never tagged or kept.</summary>
public sealed class CachedBySiteState;

public static class CachedBySiteStateExtensions
{
    public static TBuilder CacheBySiteState<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new CachedBySiteState());
}
