using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.ListPart;

/// <summary>A list's children (a forum's panels) in their order, each linked to its editor, with a link to add one
/// of each type the list may contain. The children are items of their own: a save of the list changes none of them.
/// Each child's Move up and Move down buttons post <see cref="MoveForm"/>, which changes the order at once
/// (<c>ContentEditPage.OnPostMoveChildAsync</c>).</summary>
public sealed class ListPartEditor : IContentPartEditor
{
    public string PartName => "ListPart";
    public string View => "/Features/ContentParts/ListPart/ListPartEditor.cshtml";
    public bool Grouped => true;

    public JsonObject Read(EditorForm form) => [];

    /// <summary>The id of the form the move buttons post: next to the editor's form, not in it, as forms do not nest;
    /// the buttons and the list as shown belong to it by their <c>form</c> attribute.</summary>
    public const string MoveForm = "list-move";

    public const string Up = "up";
    public const string Down = "down";

    /// <summary>A move button's value, <c>up:{id}</c> or <c>down:{id}</c>, which the editor also gets back as <c>?moved=</c>.</summary>
    public static string MoveOf(string verb, string contentItemId) => verb + ":" + contentItemId;

    public static (string? Verb, string? ContentItemId) ParseMove(string? move)
        => move?.Split(':', 2) is [var verb and (Up or Down), var id] ? (verb, id) : (null, null);
}
