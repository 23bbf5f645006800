using Twinning.Core.Content;

namespace Twinning.Core.Rules;

/// <summary>One problem with a content item, keyed by the JSON path of the offending member
/// (for example <c>ContactPoint.Phones[0].PhoneNumber.Number.Text</c> or <c>Forum.EndDate.Value</c>), and the message as a
/// key with arguments, so each host writes it in its reader's language.</summary>
public sealed record ContentValidationError(string Field, RuleMessage Problem)
{
    /// <summary>The message in English, as the APIs and recipes answer.</summary>
    public string Message => Problem.English;
}

/// <summary>
/// A rule that a content item must satisfy before any version of it is stored. Rules are the one
/// place a rule lives: the REST API, GraphQL, the admin editors and the recipe engine all reach
/// them through the host's content validator. A rule may normalise the values it accepts (a
/// phone number is stored in E.164), so it receives the item it is about to save.
/// </summary>
public interface IContentItemRule
{
    /// <summary>Whether the rule looks at items of this content type.</summary>
    bool AppliesTo(string contentType);

    ValueTask ValidateAsync(ContentValidationContext context);
}

public sealed class ContentValidationContext(ContentItem item, string timeZoneId, Func<string, Task<string?>> findContentType)
{
    private readonly List<ContentValidationError> _errors = [];

    /// <summary>The item being saved; rules may normalise values in place.</summary>
    public ContentItem Item { get; } = item;

    /// <summary>The site's IANA time zone (Europe/Warsaw unless the site settings say otherwise).</summary>
    public string TimeZoneId { get; } = timeZoneId;

    public IReadOnlyList<ContentValidationError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    /// <summary>Reports a problem with <paramref name="field"/>: a key of <see cref="RuleText"/> and its named arguments.</summary>
    public void Fail(string field, string key, params (string Name, object? Value)[] arguments)
        => _errors.Add(new ContentValidationError(field, RuleMessage.Of(key, arguments)));

    /// <summary>The content type of the latest version of an item (including items written
    /// earlier in the same request or recipe), or null when no such item exists.</summary>
    public Task<string?> FindContentTypeAsync(string contentItemId) => findContentType(contentItemId);
}

public static class ContentItemRules
{
    /// <summary>Runs every rule that applies to the item's content type, in registration order; each host's save path
    /// calls this, so the same rules run whichever host stores the item.</summary>
    public static async Task RunAsync(this IEnumerable<IContentItemRule> rules, ContentValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var rule in rules.Where(r => r.AppliesTo(context.Item.ContentType)))
        {
            await rule.ValidateAsync(context);
        }
    }
}
