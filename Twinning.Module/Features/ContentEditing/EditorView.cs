using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;

namespace Twinning.Module.Features.ContentEditing;

/// <summary>The base of every editor's partial view (<c>@inherits</c> in the <c>_ViewImports</c> of
/// <c>Features/ContentFields</c> and <c>Features/ContentParts</c>): <c>T</c> is the localizer the model carries, so the
/// views show their texts in the editor's language without naming the admin's resources.</summary>
public abstract class EditorView : RazorPage<EditorModel>
{
    public IStringLocalizer T => Model.Localizer;
}
