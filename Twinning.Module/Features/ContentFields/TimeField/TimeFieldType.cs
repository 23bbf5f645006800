using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Features.ContentFields.TimeField;

/// <summary>A time of day, stored as HH:mm:ss and indexed as that text (which sorts in time order).</summary>
public sealed partial class TimeFieldType : IContentFieldValidation, IContentFieldIndexing
{
    internal const string Format = @"hh\:mm\:ss";

    public string Name => "TimeField";
    public IReadOnlyList<string> Members { get; } = ["Value"];

    public Task ValidateAsync(FieldValidation field)
    {
        _ = field.NormalizeValue("TimeFieldSettings", FieldValues.ParseTime, t => t.ToString(Format, CultureInfo.InvariantCulture),
            "Time.Invalid");
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => FieldValueKind.Text;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field)
        => FieldIndexValue.TextOf(field["Value"]) is { } time && FieldValues.ParseTime(time) is { } parsed
            ? [new FieldIndexValue(Text: parsed.ToString(Format, CultureInfo.InvariantCulture))]
            : [];
}
