using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.ListPart;

/// <summary>A list's children (a forum's panels) in their order, each linked to its editor, with a link to add one
/// of each type the list may contain. The children are items of their own: a save of the list changes none of them.</summary>
public sealed class ListPartEditor : IContentPartEditor
{
    public string PartName => "ListPart";
    public string View => "/Features/ContentParts/ListPart/ListPartEditor.cshtml";
    public bool Grouped => true;

    public JsonObject Read(EditorForm form) => [];
}
