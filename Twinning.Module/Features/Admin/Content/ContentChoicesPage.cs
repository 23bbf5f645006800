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
        var listable = ContentDefinitionService.ListableTypes(defs).Select(d => d.Name).ToList();
        IReadOnlyList<string> types = settings.DisplayAllContentTypes || settings.DisplayedContentTypes.Count == 0 ? listable : settings.DisplayedContentTypes;
        var search = (q ?? "").Trim();
        if (search.Length == 0)
        {
            return new JsonResult(Array.Empty<Choice>());
        }
        // Type by type: each type's first matches by title come from its own index entries (the latest versions by type
        // and title, migration 0019), the typed text checked on the entries, the reading stopped after MaxChoices; a query
        // over several types at once sorted every match of all of them instead. The first MaxChoices of the union are
        // among each type's first MaxChoices.
        var found = new List<Choice>();
        string? refused = null;
        var searched = 0;
        foreach (var type in types.Distinct(StringComparer.Ordinal))
        {
            var spec = new ContentQuerySpec
            {
                Status = PublicationStatus.Latest,
                ContentType = type,
                Filter = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, search),
                Take = MaxChoices,
            };
            spec.Order.Add(ContentOrder.By(ContentColumn.DisplayText, descending: false));
            if (await ContentListAccess.LimitAsync(permissions, User, spec, [type]) is { } missing)
            {
                // Items of a type the editor may not see are not offered.
                refused ??= missing;
                continue;
            }
            searched++;
            found.AddRange((await query.ListAsync(spec, HttpContext.RequestAborted)).Select(item => new Choice(item.ContentItemId, EditorLookups.TitleOf(item))));
        }
        if (searched == 0 && refused is not null)
        {
            return Problem(StatusCodes.Status403Forbidden, t["Content.Denied", refused]);
        }
        // The first MaxChoices in the alphabet of the editor's language.
        return new JsonResult(found.OrderBy(c => c.Title, StringComparer.CurrentCulture).Take(MaxChoices).ToList());
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
