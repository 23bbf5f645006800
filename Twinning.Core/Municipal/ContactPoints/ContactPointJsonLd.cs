using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Municipal.JsonLd;

namespace Twinning.Core.Municipal.ContactPoints;

/// <summary>A contact point as a schema.org ContactPoint: phones, e-mail, website, languages, area and opening hours.</summary>
internal sealed class ContactPointJsonLd : IJsonLdMapper
{
    public string ContentType => "ContactPoint";

    public Task<JsonObject> MapAsync(ContentItem item, JsonLdContext context)
    {
        var part = ViewContent.TypePart(item);
        var node = context.Thing("ContactPoint", item);
        JsonLdDocument.Set(node, "contactType", ViewContent.Text(part, "Kind"));
        var phones = ViewContent.Bag(item, "Phones", "PhoneNumber").Select(p => ViewContent.Text(p, "Number")).OfType<string>().ToList();
        if (phones.Count > 0)
        {
            node["telephone"] = JsonLdDocument.Strings(phones);
        }
        JsonLdDocument.Set(node, "email", ViewContent.Text(part, "Email"));
        JsonLdDocument.Set(node, "url", ViewContent.LinkUrl(part, "Website"));
        var languages = ViewContent.Values(part, "AvailableLanguages");
        if (languages.Count > 0)
        {
            node["availableLanguage"] = JsonLdDocument.Strings(languages);
        }
        JsonLdDocument.Set(node, "areaServed", ViewContent.Text(part, "Locality"));
        var hours = new JsonArray();
        foreach (var range in OpeningHours.Read(item))
        {
            hours.Add(new JsonObject
            {
                ["@type"] = "OpeningHoursSpecification",
                ["dayOfWeek"] = JsonLdDocument.Schema + range.Day,
                ["opens"] = range.Opens.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                ["closes"] = range.Closes.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            });
        }
        if (hours.Count > 0)
        {
            node["hoursAvailable"] = hours;
        }
        return Task.FromResult(node);
    }
}
