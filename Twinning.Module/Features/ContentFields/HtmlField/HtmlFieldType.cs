using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.HtmlField;

/// <summary>HTML, stored as the sanitiser leaves it; not indexed.</summary>
public sealed partial class HtmlFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "HtmlField";
    public IReadOnlyList<string> Members { get; } = ["Html"];

    public Task ValidateAsync(FieldValidation field)
    {
        field.RequireText("Html", field.Settings.Get<RequiredFieldSettings>("HtmlFieldSettings").Required);
        if (field.Field["Html"] is JsonValue html && html.TryGetValue<string>(out var raw))
        {
            field.Sanitizer.SanitizeInto(field.Field, "Html", raw, field.Path, field.Scope, field.Label);
        }
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => null;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field) => [];
}
