using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentFields.HtmlField;

/// <summary>HTML in a text area that the admin script turns into a rich-text editor (paragraphs, headings 2 to 4, bold,
/// italic, links, lists, quotations); without the script the text area is edited as HTML. The save keeps only what the
/// sanitiser allows, as for every write (HtmlFieldType).</summary>
public sealed class HtmlFieldEditor : IContentFieldEditor
{
    public string FieldType => "HtmlField";
    public string View => "/Features/ContentFields/HtmlField/HtmlFieldEditor.cshtml";

    public JsonObject Read(EditorForm form) => new() { ["Html"] = form.Text("Html") };
}
