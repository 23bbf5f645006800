using System.Text.Json.Nodes;
using System.Text.Json;
using GraphQL.Utilities;
using GraphQL;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.GraphQL;
using Twinning.Module.Features.Storage;
using Twinning.Module.Tests.Infrastructure;

namespace Twinning.Module.Tests.GraphQL;

/// <summary>
/// The GraphQL schema (SDL) of a type that uses every field and part type, against the committed
/// <c>Schemas/every-type.graphql</c>: a field or part type that loses its GraphQL type, or whose type changes shape,
/// changes what clients of an Orchard site find, and the file says exactly how. (The sample site's recipe is left out
/// on purpose: its definitions change with the product, the shapes of the types do not.)
/// After an intended change, run the tests with <c>TWINNING_ACCEPT_SCHEMA=1</c> and review the diff of the files.
/// </summary>
public sealed class ContentSchemaSnapshotTests
{
    [Fact]
    public void ATypeWithEveryFieldAndPartTypeHasTheCommittedSchema() => AssertSchema("every-type", EveryType());

    /// <summary>One listable type with each built-in part and, in its own part, a field of each field type; a bag and
    /// a list of itself, so the bag, list and contained shapes appear; and a part it declares with a field, shown as an
    /// object named after the part.</summary>
    private static ContentDefinitionDocument EveryType()
    {
        string[] fieldTypes =
        [
            "TextField", "HtmlField", "MarkdownField", "NumericField", "BooleanField", "DateField", "DateTimeField",
            "TimeField", "LinkField", "MediaField", "ContentPickerField", "TaxonomyField", "GeoPointField", "MultiTextField",
        ];
        string[] parts =
        [
            "TitlePart", "AutoroutePart", "HtmlBodyPart", "MarkdownBodyPart", "BagPart", "FlowPart", "ListPart",
            "LocalizationPart", "TaxonomyPart", "TermPart", "ContainedPart",
        ];
        var json = new JsonObject
        {
            ["ContentTypes"] = new JsonArray(new JsonObject
            {
                ["Name"] = "Everything",
                ["DisplayName"] = "Everything",
                ["Settings"] = new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Listable"] = true } },
                ["ContentTypePartDefinitionRecords"] = new JsonArray([
                    new JsonObject { ["PartName"] = "Everything", ["Name"] = "Everything" },
                    new JsonObject { ["PartName"] = "Extra", ["Name"] = "Extra" },
                    .. parts.Select(p => (JsonNode)new JsonObject
                    {
                        ["PartName"] = p,
                        ["Name"] = p,
                        ["Settings"] = p switch
                        {
                            "BagPart" => new JsonObject { ["BagPartSettings"] = new JsonObject { ["ContainedContentTypes"] = new JsonArray("Everything") } },
                            "ListPart" => new JsonObject { ["ListPartSettings"] = new JsonObject { ["ContainedContentTypes"] = new JsonArray("Everything") } },
                            _ => new JsonObject(),
                        },
                    }),
                ]),
            }),
            ["ContentParts"] = new JsonArray(
                new JsonObject
                {
                    ["Name"] = "Everything",
                    ["ContentPartFieldDefinitionRecords"] = new JsonArray([.. fieldTypes.Select(f => (JsonNode)new JsonObject { ["FieldName"] = f, ["Name"] = "A" + f })]),
                },
                new JsonObject
                {
                    ["Name"] = "Extra",
                    ["ContentPartFieldDefinitionRecords"] = new JsonArray(new JsonObject { ["FieldName"] = "TextField", ["Name"] = "Note" }),
                }),
        };
        return Definitions(json);
    }

    private static ContentDefinitionDocument Definitions(JsonObject step) => new()
    {
        ContentTypeDefinitionRecords = step["ContentTypes"].Deserialize<List<ContentTypeDefinition>>(DocumentStore.JsonOptions)!,
        ContentPartDefinitionRecords = step["ContentParts"].Deserialize<List<ContentPartDefinition>>(DocumentStore.JsonOptions)!,
    };

    private static void AssertSchema(string name, ContentDefinitionDocument definitions)
    {
        var schema = ContentSchemaBuilder.Build(definitions);
        schema.Initialize();
        var actual = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n");
        var file = Repository.PathOf("tests", "Twinning.Module.Tests", "GraphQL", "Schemas", name + ".graphql");
        if (Environment.GetEnvironmentVariable("TWINNING_ACCEPT_SCHEMA") == "1")
        {
            File.WriteAllText(file, actual);
        }
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actual);
    }

}
