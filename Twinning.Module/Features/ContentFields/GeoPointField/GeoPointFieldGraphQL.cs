using GraphQL.Types;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.GeoPointField;

/// <summary><c>GeoPointField { latitude longitude }</c>.</summary>
public sealed partial class GeoPointFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfObject(graph.Shared(Name, () =>
    {
        var geo = new ObjectGraphType { Name = Name };
        geo.AddField(ContentGraphParts.Field<DecimalGraphType>("latitude", s => ContentGraphParts.Number((s as FieldSource)?.Field["Latitude"])));
        geo.AddField(ContentGraphParts.Field<DecimalGraphType>("longitude", s => ContentGraphParts.Number((s as FieldSource)?.Field["Longitude"])));
        return geo;
    }));

    public Type? WhereInputType => null;
}
