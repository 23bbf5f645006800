using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Twinning.Module.Features.Caching;

/// <summary>HEAD wherever GET is answered (RFC 9110, 9.3.2: a server that answers GET should answer HEAD), so CDNs,
/// link checkers and clients checking an <c>ETag</c> need not download the body. The server sends HEAD answers
/// without their body.</summary>
public static class HeadRequests
{
    public static TBuilder AnswerHeadWhereGet<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault();
            if (methods is not null && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                // The last method metadata is the one routing reads.
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
