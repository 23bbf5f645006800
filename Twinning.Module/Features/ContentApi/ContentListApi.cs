using System.Buffers;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.Caching;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.ContentApi;

/// <summary><c>GET /api/content</c>: a page of content items in Orchard's JSON with the total, beside Orchard's
/// single-item API.</summary>
public static class ContentListApi
{
    public static RouteHandlerBuilder MapContentList(this IEndpointRouteBuilder routes)
        => routes.MapGet("/api/content", ListAsync)
            .CacheBySiteState()
            .WithTags("Content")
            .WithName("ApiListContentItems")
            .WithSummary("A page of content items of a type, in Orchard Core's JSON, with the total count.")
            .Answers(ContentApiDocument.ListSchema, "The page of items the caller may view.");

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListAsync(
        HttpContext http, ContentQuery query, ContentDefinitionService definitions, IAuthorizationService permissions,
        string? contentType, string? culture, string? status, string? skip, string? take, string? orderBy)
    {
        if (await DenyAsync(permissions, http.User, Permissions.AccessContentApi) is { } denied)
        {
            return denied;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var defs = await definitions.GetAsync();
        var spec = new ContentQuerySpec { Culture = string.IsNullOrEmpty(culture) ? null : culture };
        if (!string.IsNullOrEmpty(contentType))
        {
            if (defs.FindType(contentType) is null)
            {
                errors["contentType"] = [$"There is no content type '{contentType}'."];
            }
            spec.ContentType = contentType;
        }
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<PublicationStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                spec.Status = parsed;
            }
            else
            {
                errors["status"] = [$"status must be PUBLISHED, DRAFT, LATEST or ALL, not '{status}'."];
            }
        }
        spec.Skip = Integer(skip, "skip", errors) ?? 0;
        spec.Take = Integer(take, "take", errors);
        ParseOrder(orderBy, spec, defs, errors);
        int pageSize = 0;
        if (!errors.ContainsKey("take") && !errors.ContainsKey("skip"))
        {
            try
            {
                pageSize = query.PageSize(spec.Take, "take");
                if (spec.Skip < 0)
                {
                    errors["skip"] = ["skip must not be negative."];
                }
            }
            catch (ContentQueryException e)
            {
                errors[e.Parameter] = [e.Message];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        spec.Take = pageSize;
        switch (await ContentListAccess.LimitAsync(permissions, http.User, spec, defs.ContentTypeDefinitionRecords.Select(t => t.Name)))
        {
            case Permissions.PreviewContent:
                return Deny(http.User, Permissions.PreviewContent, "Drafts and history");
            case { } missing:
                return PermissionProblems.Denied(http.User, $"This needs the '{missing}' permission, or '{Permissions.OwnerVariant(missing)}' for the caller's own items.");
        }

        var entries = await query.ListEntriesAsync(spec, http.RequestAborted);
        var total = await query.CountAsync(spec, http.RequestAborted);
        // {"items":[...],"total":n,"skip":n,"take":n}, each item written as its kept serialized JSON.
        var buffer = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ContentItemJsonConverter.WriteOptions.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            var userId = PermissionService.UserIdOf(http.User);
            var allowed = new Dictionary<(string Type, bool Own), bool>();
            foreach (var entry in entries)
            {
                // The owner of an item is asked for ViewOwnContent, which ViewContent implies.
                var (type, owner) = (entry.Item.ContentType, entry.Item.Owner);
                var own = userId is not null && owner == userId;
                if (!allowed.TryGetValue((type, own), out var canView))
                {
                    canView = allowed[(type, own)] = await permissions.HasPermissionAsync(http.User, Permissions.ViewContent, type, own ? owner : null);
                }
                if (canView)
                {
                    writer.WriteRawValue(entry.Json, skipInputValidation: true);
                }
            }
            writer.WriteEndArray();
            writer.WriteNumber("total", total);
            writer.WriteNumber("skip", spec.Skip);
            writer.WriteNumber("take", pageSize);
            writer.WriteEndObject();
        }
        return TypedResults.Content(Encoding.UTF8.GetString(buffer.WrittenSpan), "application/json; charset=utf-8");
    }

    private static int? Integer(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors[name] = [$"{name} must be a whole number, not '{text}'."];
        return null;
    }

    /// <summary><c>displayText:asc,publishedUtc:desc</c>: envelope columns, or the type's own fields (<c>startDate</c>).</summary>
    private static void ParseOrder(string? orderBy, ContentQuerySpec spec, ContentDefinitionDocument defs, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(orderBy))
        {
            return;
        }
        var fields = spec.ContentType is null ? [] : ContentFieldCatalog.OwnFields(defs, spec.ContentType);
        foreach (var key in orderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = key.Split(':', StringSplitOptions.TrimEntries);
            var descending = parts.Length > 1 && string.Equals(parts[1], "desc", StringComparison.OrdinalIgnoreCase);
            if (parts.Length > 2 || (parts.Length == 2 && !descending && !string.Equals(parts[1], "asc", StringComparison.OrdinalIgnoreCase)))
            {
                errors["orderBy"] = [$"'{key}' is not 'name', 'name:asc' or 'name:desc'."];
                return;
            }
            if (ContentColumns.Orderable.TryGetValue(parts[0], out var column))
            {
                spec.Order.Add(ContentOrder.By(column, descending));
            }
            else if (fields.FirstOrDefault(f => f.Name == parts[0]) is { } field)
            {
                spec.Order.Add(ContentOrder.By(field.Reference, descending));
            }
            else
            {
                errors["orderBy"] = [$"Cannot order by '{parts[0]}': use {string.Join(", ", ContentColumns.Orderable.Keys.Concat(fields.Select(f => f.Name)))}."];
                return;
            }
        }
    }

    private static Task<ProblemHttpResult?> DenyAsync(IAuthorizationService permissions, ClaimsPrincipal user, string permission, string? contentType = null)
        => permissions.DenyAsync(user, permission, contentType);

    private static ProblemHttpResult Deny(ClaimsPrincipal user, string permission, string what)
        => PermissionProblems.Denied(user, $"{what} need the '{permission}' or '{Permissions.EditContent}' permission.");
}
