using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.TitlePart;

/// <summary>The item's title, which is also its display text.</summary>
public sealed class TitlePartEditor : IContentPartEditor
{
    public string PartName => "TitlePart";
    public string View => "/Features/ContentParts/TitlePart/TitlePartEditor.cshtml";

    private const string Member = "Title";

    public IReadOnlyList<string> Members => [Member];

    public JsonObject Read(EditorForm form) => new() { [Member] = form.Text(Member) };
}
