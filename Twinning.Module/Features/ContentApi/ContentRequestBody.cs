using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentApi;

/// <summary>
/// The body of <c>POST /api/content</c>, read so that no body can end in a server error: at most
/// <see cref="ApiOptions.MaxRequestBodySize"/> bytes (413 beyond), UTF-8, JSON no deeper than
/// <see cref="JsonInput.MaxDepth"/> and without a key given twice, text that every database stores, and an envelope of
/// the right kinds. Anything else is a 400 naming the body or the field.
/// </summary>
public sealed record ContentRequestBody(JsonObject? Json, ProblemHttpResult? Refusal)
{
    [MemberNotNullWhen(true, nameof(Json))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static async Task<ContentRequestBody> ReadAsync(HttpContext http)
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodySize;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            // The server then stops a longer upload too, instead of its own default limit deciding.
            server.MaxRequestBodySize = limit;
        }
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        byte[]? bytes;
        try
        {
            bytes = await BoundedRead.ReadAtMostAsync(http.Request.Body, limit, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            bytes = null;
        }
        if (bytes is null)
        {
            return TooLarge(limit);
        }
        var utf8 = bytes.AsMemory();
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        if (!Utf8.IsValid(utf8.Span))
        {
            return Invalid([(JsonInput.BodyField, "The body is not valid UTF-8 text.")]);
        }
        JsonObject json;
        try
        {
            json = JsonNode.Parse(utf8.Span, documentOptions: JsonInput.Options) as JsonObject
                ?? throw new JsonException("The body must be a content item: a JSON object.");
        }
        catch (JsonException e)
        {
            return Invalid([(JsonInput.BodyField, e.Message)]);
        }
        // The envelope's kinds are checked where the item is read from it, by ContentEditor.
        return JsonInput.FindUnstorableText(json) is { Count: > 0 } unstorable
            ? Invalid(unstorable.Select(u => (u.Path, u.Problem.English)))
            : new(json, null);
    }

    private static ContentRequestBody TooLarge(long limit)
        => new(null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
            detail: string.Create(CultureInfo.InvariantCulture, $"The body is larger than the limit of {limit:N0} bytes.")));

    private static ContentRequestBody Invalid(IEnumerable<(string Field, string Message)> errors)
        => new(null, TypedResults.Problem(new HttpValidationProblemDetails(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        }));
}
