namespace Twinning.Core.Content.Localization;

/// <summary>Where a culture of a localization set stands.</summary>
public enum TranslationState
{
    /// <summary>No item of the set is in this culture.</summary>
    Missing,

    /// <summary>The item's latest version is a draft.</summary>
    Draft,

    /// <summary>The item's latest version is published.</summary>
    Published,
}

/// <summary>One item of a localization set, by its latest version.</summary>
public sealed record SetMember(string ContentItemId, string Culture, bool Published, DateTime? ModifiedUtc, string? DisplayText);

/// <summary>One culture's cell of an item's translation matrix: its item (null when missing), whether that item is the
/// set's source, and whether it is older than the source.</summary>
public sealed record TranslationCell(string Culture, SetMember? Item, bool IsSource, bool Outdated)
{
    public TranslationState State => Item is null ? TranslationState.Missing : Item.Published ? TranslationState.Published : TranslationState.Draft;
}

/// <summary>
/// The translation rules of a localization set (the items sharing <c>LocalizationPart.LocalizationSet</c>, one per
/// culture). The set's <b>source</b> is its item in the site's default culture, the language the site is written in
/// first; a set without one has no source, and none of its items is outdated. A translation (any other item of the
/// set) is <b>outdated</b> when the source's latest version was saved after the translation's latest version:
/// <c>source.ModifiedUtc &gt; translation.ModifiedUtc</c>. Saving the translation (a draft is enough) makes it current
/// again; publishing does not change <c>ModifiedUtc</c>, so it neither outdates nor refreshes. The admin's list filter
/// "translation outdated" applies the same comparison in SQL over the latest versions' index columns.
/// </summary>
public static class Translations
{
    /// <summary>Whether a translation last saved at <paramref name="translationModifiedUtc"/> is older than a source last
    /// saved at <paramref name="sourceModifiedUtc"/>; never when either time is unknown.</summary>
    public static bool IsOutdated(DateTime? sourceModifiedUtc, DateTime? translationModifiedUtc)
        => sourceModifiedUtc is { } source && translationModifiedUtc is { } translation && source > translation;

    /// <summary>The set's source: its item in <paramref name="defaultCulture"/>, or null.</summary>
    public static SetMember? SourceOf(IEnumerable<SetMember> set, string defaultCulture)
        => set.FirstOrDefault(m => string.Equals(m.Culture, defaultCulture, StringComparison.Ordinal));

    /// <summary>The matrix of a set over the site's cultures, in their order, then any other culture the set holds
    /// (one the site no longer lists).</summary>
    public static IReadOnlyList<TranslationCell> Matrix(IReadOnlyList<string> cultures, IReadOnlyCollection<SetMember> set, string defaultCulture)
    {
        ArgumentNullException.ThrowIfNull(cultures);
        ArgumentNullException.ThrowIfNull(set);
        var source = SourceOf(set, defaultCulture);
        var all = cultures.Concat(set.Select(m => m.Culture).Where(c => !cultures.Contains(c))).Distinct(StringComparer.Ordinal);
        return [.. all.Select(culture =>
        {
            var item = set.FirstOrDefault(m => string.Equals(m.Culture, culture, StringComparison.Ordinal));
            var isSource = item is not null && ReferenceEquals(item, source);
            return new TranslationCell(culture, item, isSource, item is not null && source is not null && !isSource && IsOutdated(source.ModifiedUtc, item.ModifiedUtc));
        })];
    }
}
