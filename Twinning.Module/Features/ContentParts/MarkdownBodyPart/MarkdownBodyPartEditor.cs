using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.MarkdownBodyPart;

/// <summary>The body as Markdown in a plain text area.</summary>
public sealed class MarkdownBodyPartEditor : IContentPartEditor
{
    public string PartName => "MarkdownBodyPart";
    public string View => "/Features/ContentFields/MarkdownField/MarkdownFieldEditor.cshtml";

    private const string Member = "Markdown";

    public IReadOnlyList<string> Members => [Member];

    public JsonObject Read(EditorForm form) => new() { [Member] = form.Text(Member) };
}
