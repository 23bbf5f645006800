using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.LocalizationPart;

/// <summary>The language the item is written in, one of the site's cultures (the save checks it). Its localization
/// set is kept as stored; a new item starts its own.</summary>
public sealed class LocalizationPartEditor : IContentPartEditor
{
    public string PartName => "LocalizationPart";
    public string View => "/Features/ContentParts/LocalizationPart/LocalizationPartEditor.cshtml";

    private const string Member = "Culture";

    public IReadOnlyList<string> Members => [Member];

    public JsonObject Read(EditorForm form) => new() { [Member] = form.Text(Member) };
}
