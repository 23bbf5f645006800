using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Features.ContentFields.DateField;

/// <summary>A calendar date, stored as yyyy-MM-dd.</summary>
public sealed partial class DateFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "DateField";
    public IReadOnlyList<string> Members { get; } = ["Value"];

    public Task ValidateAsync(FieldValidation field)
    {
        if (field.NormalizeValue("DateFieldSettings", FieldValues.ParseDateInput, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "Date.Invalid") is (var date, var text))
        {
            field.RequireAcceptedYear(date.Year, text);
        }
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => FieldValueKind.Date;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field)
        => FieldIndexValue.TextOf(field["Value"]) is { } date && FieldValues.ParseDate(date) is { } day
            ? [new FieldIndexValue(Date: day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))]
            : [];
}
