using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.AutoroutePart;

/// <summary>The item's address on the site; left empty, the save makes one from the title.</summary>
public sealed class AutoroutePartEditor : IContentPartEditor
{
    public string PartName => "AutoroutePart";
    public string View => "/Features/ContentParts/AutoroutePart/AutoroutePartEditor.cshtml";

    private const string Member = "Path";

    public IReadOnlyList<string> Members => [Member];

    public JsonObject Read(EditorForm form) => new() { [Member] = form.Text(Member) };
}
