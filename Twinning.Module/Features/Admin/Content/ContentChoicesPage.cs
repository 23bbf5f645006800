using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Queries;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// What a content picker offers for what the editor typed: <c>GET /admin/content/choices?field=Forum.PartnerCities&amp;q=poł</c>
/// answers up to <see cref="MaxChoices"/> items as <c>[{"id": "…", "title": "Połock (pl-PL)"}]</c>, by title, whose
/// display text contains the query, of the field's allowed types (<c>DisplayedContentTypes</c>; every listable type
/// when it allows all) and only those the editor may see (the content list's rule). Signed-in editors only; the save
/// checks the allowed types again, so this list only helps.
/// </summary>
[Authorize]
public sealed class ContentChoicesPage(ContentQuery query, ContentDefinitionService definitions, IAuthorizationService permissions,
    IStringLocalizer<AdminText> t) : PageModel
{
    public const int MaxChoices = 20;

    public sealed record Choice(string Id, string Title);

    public async Task<IActionResult> OnGetAsync(string? field, string? q)
    {
        var defs = await definitions.GetAsync();
        if (PickerSettings(defs, field ?? "") is not { } settings)
        {
            return Problem(StatusCodes.Status404NotFound, t["ContentPicker.UnknownField", field ?? ""]);
        }
        var listable = defs.ContentTypeDefinitionRecords.Where(d => d.TypeSettings.Listable).Select(d => d.Name).ToList();
        IReadOnlyList<string> types = settings.DisplayAllContentTypes || settings.DisplayedContentTypes.Count == 0 ? listable : settings.DisplayedContentTypes;
        var search = (q ?? "").Trim();
        if (search.Length == 0)
        {
            return new JsonResult(Array.Empty<Choice>());
        }
        var spec = new ContentQuerySpec
        {
            Status = PublicationStatus.Latest,
            ContentTypes = types,
            Filter = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, search),
            Take = MaxChoices,
        };
        spec.Order.Add(ContentOrder.By(ContentColumn.DisplayText, descending: false));
        if (await ContentListAccess.LimitAsync(permissions, User, spec, types) is { } missing)
        {
            return Problem(StatusCodes.Status403Forbidden, t["Content.Denied", missing]);
        }
        var items = await query.ListAsync(spec, HttpContext.RequestAborted);
        // The first MaxChoices by the store's order, shown in the alphabet of the editor's language.
        return new JsonResult(items.Select(item => new Choice(item.ContentItemId, EditorLookups.TitleOf(item)))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>The settings of the content picker field <c>Part.Field</c>, or null when there is none.</summary>
    private static ContentPickerFieldSettings? PickerSettings(ContentDefinitionDocument defs, string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var definition = dot < 0 ? null : defs.FindPart(field[..dot])?.ContentPartFieldDefinitionRecords
            .Find(f => f.Name == field[(dot + 1)..] && f.FieldName == "ContentPickerField");
        return definition?.Settings.Get<ContentPickerFieldSettings>();
    }

    private static ObjectResult Problem(int status, string detail)
        => new(new ProblemDetails { Status = status, Title = detail, Detail = detail }) { StatusCode = status, ContentTypes = { "application/problem+json" } };
}
