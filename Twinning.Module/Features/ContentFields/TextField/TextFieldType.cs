using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.TextField;

/// <summary>A single text; with the PredefinedList editor, one of the listed options.</summary>
public sealed partial class TextFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "TextField";
    public IReadOnlyList<string> Members { get; } = ["Text"];

    public Task ValidateAsync(FieldValidation field)
    {
        var text = field.RequireText("Text", field.Settings.Get<TextFieldSettings>().Required);
        var editor = field.Settings.Get<ContentPartFieldSettings>().Editor;
        if (editor == "PredefinedList" && !string.IsNullOrEmpty(text))
        {
            var options = field.Settings.Get<TextFieldPredefinedListEditorSettings>().Options;
            if (options.Count > 0 && !options.Exists(o => o.Value == text))
            {
                field.Fail("Text", "Text.NotAnOption", ("options", string.Join(", ", options.Select(o => o.Value))), ("value", text));
            }
        }
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => FieldValueKind.Text;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field)
        => FieldIndexValue.TextOf(field["Text"]) is { } text ? [new FieldIndexValue(Text: text)] : [];
}
