using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentGraph;
using Twinning.Module.Features.Queries;

namespace Twinning.Module.Features.ContentParts.LocalizationPart;

/// <summary><c>localization { culture localizationSet localizations(culture) }</c>, and <c>where: { localization: { culture
/// (with the string suffixes) localizationSet } }</c> on a type that has the part, compared with the culture and set columns.</summary>
public sealed partial class LocalizationPartType : IContentPartGraphQL
{
    public IEnumerable<FieldType> ItemFields(IContentGraph graph, ContentTypeDefinition type, string instance)
        => [graph.PartField(instance, graph.Shared(Name, () =>
        {
            var localization = new ObjectGraphType { Name = Name };
            localization.AddField(ContentGraphParts.Field<StringGraphType>("culture", s => ContentGraphParts.Text((s as PartSource)?.Part?["Culture"])));
            localization.AddField(ContentGraphParts.Field<StringGraphType>("localizationSet", s => ContentGraphParts.Text((s as PartSource)?.Part?["LocalizationSet"])));
            localization.AddField(new FieldType
            {
                Name = "localizations",
                Description = "The published versions of the localization set, or the one in the given culture.",
                ResolvedType = new ListGraphType(graph.ContentItem),
                Arguments = new QueryArguments(new QueryArgument<StringGraphType> { Name = "culture" }),
                Resolver = new FuncFieldResolver<object?>(c =>
                {
                    var request = ContentGraphRequest.Of(c);
                    var set = ContentGraphParts.Text((c.Source as PartSource)?.Part?["LocalizationSet"]);
                    var culture = c.GetArgument<string?>("culture");
                    if (set is null)
                    {
                        return Array.Empty<ContentItem>();
                    }
                    return request.Localizations(set).Then(async items => await request.VisibleAsync(items.Where(i =>
                        graph.InSchema(i.ContentType) && (culture is null || ContentGraphParts.Text(i.Part(Name)?["Culture"]) == culture))));
                }),
            });
            return localization;
        }))];

    /// <summary>Orchard's <c>where: { localization: { culture, culture_in, …, localizationSet } }</c>.</summary>
    public IEnumerable<PartWhereColumn> WhereColumns => [new("culture", ContentColumn.Culture), new("localizationSet", ContentColumn.LocalizationSet, Suffixes: false)];

    public string WhereInputName => "LocalizationInputObjectType";
}
