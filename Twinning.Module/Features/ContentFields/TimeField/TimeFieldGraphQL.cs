using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;
using Twinning.Core.Content.Shapes;
using Twinning.Module.Features.ContentGraph;

namespace Twinning.Module.Features.ContentFields.TimeField;

/// <summary>The time as Orchard's <c>TimeSpan</c> scalar (<c>"13:00:00"</c>), compared in <c>where</c> as a time.</summary>
public sealed partial class TimeFieldType : IContentFieldGraphQL
{
    public ContentFieldGraph GraphType(IContentGraph graph) => ContentFieldGraph.OfScalar<TimeSpanGraphType>(v => ContentGraphParts.Text(v["Value"]));

    public Type? WhereInputType => typeof(TimeSpanGraphType);
}

/// <summary>Orchard's <c>TimeSpan</c> scalar: a time of day written <c>HH:mm:ss</c>. Input (<c>"9:30"</c>, <c>"09:30:00"</c>)
/// is read into the form the field value index holds, so <c>where</c> compares times.</summary>
public sealed class TimeSpanGraphType : ScalarGraphType
{
    public TimeSpanGraphType()
    {
        Name = "TimeSpan";
        Description = "A time of day, HH:mm:ss.";
    }

    private static string? Normalize(object? value) => value switch
    {
        TimeSpan time => time.ToString(TimeFieldType.Format, CultureInfo.InvariantCulture),
        string text when FieldValues.ParseTime(text) is { } time => time.ToString(TimeFieldType.Format, CultureInfo.InvariantCulture),
        _ => null,
    };

    public override object? Serialize(object? value) => value is null ? null : Normalize(value) ?? ThrowSerializationError(value);

    public override object? ParseValue(object? value) => value is null ? null : Normalize(value) ?? ThrowValueConversionError(value);

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Normalize((string)text.Value) ?? ThrowLiteralConversionError(value, "Expected a time of day such as \"09:30\" or \"09:30:00\"."),
        _ => ThrowLiteralConversionError(value),
    };
}
