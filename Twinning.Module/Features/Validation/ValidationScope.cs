using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Rules;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Validation;

/// <summary>What one validation pass over an item (and the items nested in its bags) shares.</summary>
public sealed class ValidationScope(ContentDefinitionDocument definitions, SiteSettings site, IContentLookup lookup, IMediaLookup? media = null,
    bool publishing = false)
{
    /// <summary>The item is about to be published, which some rules ask more of than a draft (an image in rich text
    /// needs an alt attribute).</summary>
    public bool Publishing { get; } = publishing;

    private readonly List<ContentValidationError> _errors = [];

    public ContentDefinitionDocument Definitions { get; } = definitions;
    public SiteSettings Site { get; } = site;
    public IContentLookup Lookup { get; } = lookup;

    /// <summary>The media library, to refuse paths without a file; null when only the form of paths is checked.</summary>
    public IMediaLookup? Media { get; } = media;
    public IReadOnlyList<ContentValidationError> Errors => _errors;

    /// <summary>Reports a problem with <paramref name="field"/>: a key of <see cref="RuleText"/> and its named arguments.</summary>
    public void Fail(string field, string key, params (string Name, object? Value)[] arguments)
        => Fail(field, RuleMessage.Of(key, arguments));

    public void Fail(string field, RuleMessage problem) => _errors.Add(new ContentValidationError(field, problem));

    public void AddRange(IEnumerable<ContentValidationError> errors) => _errors.AddRange(errors);
}
