using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.NumericField;

/// <summary>A decimal within the definition's minimum, maximum and scale.</summary>
public sealed partial class NumericFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "NumericField";
    public IReadOnlyList<string> Members { get; } = ["Value"];

    public Task ValidateAsync(FieldValidation field)
    {
        var settings = field.Settings.Get<NumericFieldSettings>();
        var node = field.Field["Value"];
        if (node is null)
        {
            if (settings.Required)
            {
                field.Fail("Value", "Field.Required");
            }
            return Task.CompletedTask;
        }
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<decimal>(out var number))
        {
            field.Fail("Value", "Numeric.NotANumber");
            return Task.CompletedTask;
        }
        if (settings.Minimum is { } min && number < min)
        {
            field.Fail("Value", "Numeric.TooSmall", ("min", min));
        }
        if (settings.Maximum is { } max && number > max)
        {
            field.Fail("Value", "Numeric.TooLarge", ("max", max));
        }
        if (decimal.Round(number, settings.Scale) != number)
        {
            field.Fail("Value", "Numeric.TooManyDecimals", ("scale", settings.Scale));
        }
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => FieldValueKind.Number;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field)
        => field["Value"] is JsonValue number && FieldIndexValue.NumberOf(number) is { } n ? [new FieldIndexValue(Number: n)] : [];
}
