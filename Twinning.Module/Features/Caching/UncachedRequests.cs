using Microsoft.AspNetCore.Http;

namespace Twinning.Module.Features.Caching;

/// <summary>Requests the caching middleware leaves alone, given by a feature above it: no ETag, no kept answer, no
/// answer from the server's cache, and the endpoint's own Cache-Control (a credential the cache cannot key on, such as a
/// preview token).</summary>
public interface IUncachedRequests
{
    bool Applies(HttpRequest request);
}
