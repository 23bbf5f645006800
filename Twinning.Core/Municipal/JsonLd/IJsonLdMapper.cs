using System.Text.Json.Nodes;
using Twinning.Core.Content;

namespace Twinning.Core.Municipal.JsonLd;

/// <summary>One content type's schema.org node. Each lives in its content type's folder beside that type's rules and
/// outputs, is registered once by <c>AddTwinningMunicipal</c>, and is found by <see cref="ContentType"/>.</summary>
public interface IJsonLdMapper
{
    /// <summary>The content type this mapper writes, as the definition names it (<c>Forum</c>).</summary>
    string ContentType { get; }

    /// <summary>The item's node without <c>@context</c>, which <see cref="JsonLdBuilder"/> adds.</summary>
    Task<JsonObject> MapAsync(ContentItem item, JsonLdContext context);
}
