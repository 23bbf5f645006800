using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content;
using Twinning.Core.Municipal;
using Twinning.Core.Rules;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Preview;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The preview of an item's latest version, draft or not, <c>/admin/content/{id}/preview</c>: each part and field
/// with its label, as a reader would see the values (linked items by their titles, HTML as the site's sanitiser keeps
/// it). For users who may edit the item. <c>?handler=site</c> opens the front end's preview page instead
/// (<see cref="SiteSettings.FrontEndPreviewUrl"/>) with a fresh preview token (<see cref="PreviewTokens"/>).
/// </summary>
[Authorize]
public sealed class ContentPreviewPage(
    ContentStore store, ContentDefinitionService definitions, DataTranslationService dataTranslations, SiteService site, IAuthorizationService permissions, TypeEditors typeEditors,
    HtmlSanitizerService sanitizer, PreviewTokens previews, IStringLocalizer<AdminText> t, IStringLocalizer<RuleText> ruleTexts) : PageModel
{
    /// <summary>One value: its label, and its text or its sanitised HTML.</summary>
    public sealed record Value(string Label, string? Text, string? Html);

    /// <summary>A part's values under its heading (null for the item's own parts).</summary>
    public sealed record Section(string? Heading, IReadOnlyList<Value> Values);

    public ContentItem Item { get; private set; } = null!;

    public string TypeName { get; private set; } = "";

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    /// <summary>The accessibility checks' findings in the item's rich text, linked to the fields in the editor.</summary>
    public IReadOnlyList<ContentEditPage.Finding> Findings { get; private set; } = [];

    public string Title => string.IsNullOrWhiteSpace(Item.DisplayText) ? t["Content.Untitled"] : Item.DisplayText;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var defs = await definitions.GetAsync();
        var groups = typeEditors.Of(defs, defs.FindType(Item.ContentType)!, await dataTranslations.GetAsync());
        var values = typeEditors.Values(await LinkedTitles.OfAsync(store, groups.SelectMany(g => g.Editors).Select(e => e.ValueIn(Item)),
            linked => string.IsNullOrWhiteSpace(linked.DisplayText) ? t["Content.Untitled"] : linked.DisplayText));
        Sections = [.. groups.Select(g => new Section(g.Heading, [.. g.Editors.Select(e => ValueOf(e, values)).Where(v => v is not null).Cast<Value>()]))
            .Where(s => s.Values.Count > 0)];
        Findings = [.. groups.SelectMany(g => g.Editors).SelectMany(e => ContentEditPage.FindingsOf(e, e.ValueIn(Item), sanitizer, ruleTexts,
            $"/admin/content/edit/{Item.ContentItemId}#{EditorModel.IdOf(e.Name)}"))];
        return Page();
    }

    /// <summary>The front end's preview page for this item, with a token that lets it read the latest version.</summary>
    public async Task<IActionResult> OnGetSiteAsync(string id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        if (await FrontEndPreviewAsync(site, Item, previews) is not { } url)
        {
            return new AdminProblem(t["Problem.NotFound"], t["Preview.NoFrontEnd"], t["Preview.BackToEditor"], "/admin/content/edit/" + Item.ContentItemId)
                .ToResult(this, StatusCodes.Status404NotFound);
        }
        return Redirect(url);
    }

    /// <summary>The front end's preview address for the item with a new token (<c>contentItemId</c> and <c>token</c> added
    /// to the query of <see cref="SiteSettings.FrontEndPreviewUrl"/> with its placeholders filled in); null when the
    /// site has no such address.</summary>
    public static async Task<string?> FrontEndPreviewAsync(SiteService site, ContentItem item, PreviewTokens previews)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(previews);
        if ((await site.GetAsync()).FrontEndPreviewUrl is not { Length: > 0 } pattern)
        {
            return null;
        }
        // A draft may lack a path or a culture yet: those placeholders are left empty rather than the link withheld.
        var url = new PageLinks("", new Dictionary<string, string> { [item.ContentType] = pattern }).PageUrl(item)
            ?? System.Text.RegularExpressions.Regex.Replace(pattern.Replace("{id}", Uri.EscapeDataString(item.ContentItemId), StringComparison.Ordinal), @"\{[^{}]*\}", "");
        var (token, _) = previews.Issue(item.ContentItemId);
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return $"{url}{separator}contentItemId={Uri.EscapeDataString(item.ContentItemId)}&token={Uri.EscapeDataString(token)}";
    }

    private Value? ValueOf(TypeEditors.Entry editor, ValueText values)
    {
        var value = editor.ValueIn(Item);
        if (editor.IsHtml && value["Html"] is JsonValue html && html.TryGetValue<string>(out var markup))
        {
            return string.IsNullOrWhiteSpace(markup) ? null : new Value(editor.Label, null, sanitizer.Sanitize(markup));
        }
        var text = values.Describe(value, editor.Settings);
        return string.IsNullOrWhiteSpace(text) ? null : new Value(editor.Label, text, null);
    }

    private async Task<IActionResult?> LoadAsync(string id)
    {
        var (item, type, refusal) = await EditableItems.LoadAsync(this, id, store, definitions, permissions, t);
        if (refusal is not null)
        {
            return refusal;
        }
        Item = item!;
        TypeName = (await dataTranslations.GetAsync()).TypeName(type!);
        return null;
    }
}
