using System.Text.Json;
using System.Text.Json.Nodes;

namespace Twinning.Module.Features.ContentFields.BooleanField;

/// <summary>True, false or no value.</summary>
public sealed partial class BooleanFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "BooleanField";
    public IReadOnlyList<string> Members { get; } = ["Value"];

    public Task ValidateAsync(FieldValidation field)
    {
        if (field.Field["Value"] is { } b && b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
        {
            field.Fail("Value", "Boolean.NotABoolean");
        }
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => FieldValueKind.Boolean;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field)
        => field["Value"] is JsonValue boolean && boolean.TryGetValue<bool>(out var b) ? [new FieldIndexValue(Boolean: b)] : [];
}
