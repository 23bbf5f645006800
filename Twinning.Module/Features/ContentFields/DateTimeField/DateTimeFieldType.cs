using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Shapes;

namespace Twinning.Module.Features.ContentFields.DateTimeField;

/// <summary>An instant, stored in UTC as yyyy-MM-ddTHH:mm:ssZ.</summary>
public sealed partial class DateTimeFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "DateTimeField";
    public IReadOnlyList<string> Members { get; } = ["Value"];

    public Task ValidateAsync(FieldValidation field)
    {
        if (field.NormalizeValue("DateTimeFieldSettings", FieldValues.ParseUtc, u => u.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "DateTime.Invalid") is (var utc, var text))
        {
            field.RequireAcceptedYear(utc.Year, text);
        }
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => FieldValueKind.Date;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field)
        => FieldIndexValue.TextOf(field["Value"]) is { } dateTime && FieldValues.ParseUtc(dateTime) is { } utc
            ? [new FieldIndexValue(Date: utc)]
            : [];
}
