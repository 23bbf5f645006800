
namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Small recipes the engine tests build on.</summary>
public static class TestRecipes
{
    /// <summary>An Article type (title, slug, HTML body, a few fields) and anonymous read access.</summary>
    public const string Articles = """
    {
      "name": "articles",
      "steps": [
        { "name": "settings", "TimeZoneId": "Europe/Warsaw", "LocalizationSettings": { "DefaultCulture": "pl-PL", "SupportedCultures": ["pl-PL", "en-GB"] } },
        { "name": "ContentDefinition",
          "ContentTypes": [
            { "Name": "Article", "DisplayName": "Article",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "TitlePartSettings": { "Options": 3 } } },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": {} },
                { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart", "Settings": {} },
                { "PartName": "LocalizationPart", "Name": "LocalizationPart", "Settings": {} },
                { "PartName": "Article", "Name": "Article", "Settings": {} },
                { "PartName": "BagPart", "Name": "Links", "Settings": { "BagPartSettings": { "ContainedContentTypes": ["LinkItem"] } } }
              ] },
            { "Name": "LinkItem", "Settings": { "ContentTypeSettings": { "Stereotype": "Widget" } },
              "ContentTypePartDefinitionRecords": [ { "PartName": "LinkItem", "Name": "LinkItem" } ] },
            { "Name": "Topic", "Settings": { "ContentTypeSettings": { "Creatable": true } },
              "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] }
          ],
          "ContentParts": [
            { "Name": "Article", "ContentPartFieldDefinitionRecords": [
              { "FieldName": "TextField", "Name": "Kind", "Settings": {
                  "ContentPartFieldSettings": { "Editor": "PredefinedList" },
                  "TextFieldPredefinedListEditorSettings": { "Options": [ { "name": "News", "value": "news" }, { "name": "Report", "value": "report" } ] } } },
              { "FieldName": "TextField", "Name": "Lead", "Settings": { "TextFieldSettings": { "Required": true } } },
              { "FieldName": "NumericField", "Name": "Visitors", "Settings": { "NumericFieldSettings": { "Scale": 0, "Minimum": 0, "Maximum": 100000 } } },
              { "FieldName": "DateField", "Name": "Day", "Settings": {} },
              { "FieldName": "DateTimeField", "Name": "Starts", "Settings": {} },
              { "FieldName": "TimeField", "Name": "Opens", "Settings": {} },
              { "FieldName": "LinkField", "Name": "Website", "Settings": {} },
              { "FieldName": "GeoPointField", "Name": "Location", "Settings": {} },
              { "FieldName": "MediaField", "Name": "Photo", "Settings": { "MediaFieldSettings": { "Multiple": false, "AllowMediaText": true, "AllowAnchors": true } } },
              { "FieldName": "ContentPickerField", "Name": "Related", "Settings": { "ContentPickerFieldSettings": { "Multiple": true, "DisplayedContentTypes": ["Article"] } } },
              { "FieldName": "MultiTextField", "Name": "Languages", "Settings": { "MultiTextFieldSettings": { "Options": [ { "name": "Polish", "value": "pl" }, { "name": "English", "value": "en" } ] } } },
              { "FieldName": "BooleanField", "Name": "Featured", "Settings": {} },
              { "FieldName": "HtmlField", "Name": "Note", "Settings": {} }
            ] },
            { "Name": "LinkItem", "ContentPartFieldDefinitionRecords": [
              { "FieldName": "TextField", "Name": "Label", "Settings": { "TextFieldSettings": { "Required": true } } }
            ] }
          ] },
        { "name": "Roles", "Roles": [ { "Name": "Anonymous", "Description": "Visitors", "Permissions": ["ViewContent", "AccessContentApi"] } ] }
      ]
    }
    """;
}
