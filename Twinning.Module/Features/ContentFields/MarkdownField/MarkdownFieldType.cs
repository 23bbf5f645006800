using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;

namespace Twinning.Module.Features.ContentFields.MarkdownField;

/// <summary>Markdown text, stored as written; not indexed.</summary>
public sealed partial class MarkdownFieldType : IContentFieldValidation, IContentFieldIndexing
{
    public string Name => "MarkdownField";
    public IReadOnlyList<string> Members { get; } = ["Markdown"];

    public Task ValidateAsync(FieldValidation field)
    {
        field.RequireText("Markdown", field.Settings.Get<RequiredFieldSettings>("MarkdownFieldSettings").Required);
        return Task.CompletedTask;
    }

    public FieldValueKind? IndexKind => null;

    public IEnumerable<FieldIndexValue> IndexValues(JsonObject field) => [];
}
