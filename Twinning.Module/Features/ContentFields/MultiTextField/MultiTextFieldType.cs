using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.MultiTextField;

/// <summary>Several texts, each among the definition's options when it lists any; each is one index row.</summary>
public sealed partial class MultiTextFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "MultiTextField";
    public IReadOnlyList<string> Members { get; } = ["Values"];

    public Task ValidateAsync(FieldValidation field)
    {
        var settings = field.Settings.Get<MultiTextFieldSettings>();
        var values = field.ReadStrings("Values");
        if (values is null)
        {
            return Task.CompletedTask;
        }
        if (settings.Required && values.Count == 0)
        {
            field.Fail("Values", "Field.Required");
        }
        if (settings.Options.Count == 0)
        {
            return Task.CompletedTask;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (!settings.Options.Exists(o => o.Value == values[i]))
            {
                field.Fail($"Values[{i}]", "MultiText.NotAnOption", ("options", string.Join(", ", settings.Options.Select(o => o.Value))), ("value", values[i]));
            }
        }
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => FieldValueKind.Text;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field)
        => (field["Values"] as JsonArray ?? []).Select(FieldIndexValue.TextOf).OfType<string>().Select(v => new FieldIndexValue(Text: v));
}
