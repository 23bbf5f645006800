using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.HtmlBodyPart;

/// <summary>The body in the rich-text editor of HtmlField (same view); the save keeps only what the sanitiser allows.</summary>
public sealed class HtmlBodyPartEditor : IContentPartEditor
{
    public string PartName => "HtmlBodyPart";
    public string View => "/Features/ContentFields/HtmlField/HtmlFieldEditor.cshtml";

    private const string Member = "Html";

    public IReadOnlyList<string> Members => [Member];

    public JsonObject Read(EditorForm form) => new() { [Member] = form.Text(Member) };
}
