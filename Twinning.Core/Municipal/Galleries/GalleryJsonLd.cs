using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Municipal.JsonLd;

namespace Twinning.Core.Municipal.Galleries;

/// <summary>A gallery as a schema.org ImageGallery: one ImageObject per photo, with the gallery's credit and licence
/// where a photo has none of its own.</summary>
internal sealed class GalleryJsonLd : IJsonLdMapper
{
    public string ContentType => "Gallery";

    public Task<JsonObject> MapAsync(ContentItem item, JsonLdContext context)
    {
        var part = ViewContent.TypePart(item);
        var node = context.Thing("ImageGallery", item);
        var defaultCredit = ViewContent.Text(part, "DefaultCredit");
        var defaultLicence = ViewContent.Text(part, "DefaultLicence");
        var media = new JsonArray();
        foreach (var photo in ViewContent.Bag(item, "Photos", "GalleryPhoto"))
        {
            foreach (var (path, text) in ViewContent.Media(photo, "Image"))
            {
                var image = new JsonObject
                {
                    ["@type"] = "ImageObject",
                    ["contentUrl"] = context.MediaUrl(path),
                };
                JsonLdDocument.Set(image, "caption", ViewContent.Text(photo, "Caption"));
                JsonLdDocument.Set(image, "description", text);
                JsonLdDocument.Set(image, "creditText", ViewContent.Text(photo, "Credit") ?? defaultCredit);
                JsonLdDocument.Set(image, "license", JsonLdDocument.License(ViewContent.Text(photo, "Licence") ?? defaultLicence));
                media.Add(image);
            }
        }
        if (media.Count > 0)
        {
            node["associatedMedia"] = media;
        }
        JsonLdDocument.Set(node, "inLanguage", ViewContent.Culture(item));
        return Task.FromResult(node);
    }
}
