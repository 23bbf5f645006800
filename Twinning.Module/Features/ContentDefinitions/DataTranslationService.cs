using System.Runtime.CompilerServices;
using Twinning.Core.Content.Localization;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentDefinitions;

/// <summary>The stored translations of the definitions' texts (Orchard Core's Data Localization keeps them in a
/// document too): every entry, in the order written.</summary>
public sealed class DataTranslationsDocument
{
    public List<DataTranslation> Translations { get; set; } = [];
}

/// <summary>The definitions' texts in other languages (display names, hints, list options), as the
/// <c>Translations</c> recipe step writes them; the admin shows them in the editor's language.</summary>
public sealed class DataTranslationService(DocumentStore documents)
{
    /// <summary>The look-up of each shared, read-only document the store hands out (one per stored version): every admin
    /// page needs it, and building it from hundreds of entries was a fiftieth of the content list's CPU.</summary>
    private static readonly ConditionalWeakTable<DataTranslationsDocument, DataTranslations> Lookups = new();

    private DataTranslations? _lookup;

    /// <summary>The look-up over the stored translations, built once per stored version.</summary>
    public async Task<DataTranslations> GetAsync()
        => _lookup ??= Lookups.GetValue(await documents.GetAsync<DataTranslationsDocument>(DocumentNames.DataTranslations),
            document => new DataTranslations(document.Translations));

    /// <summary>Adds <paramref name="translations"/>, each replacing a stored one for the same culture, context and
    /// key (compared ignoring case, as the look-up compares them).</summary>
    public async Task MergeAsync(IReadOnlyList<DataTranslation> translations)
    {
        var document = await documents.LoadAsync<DataTranslationsDocument>(DocumentNames.DataTranslations);
        static string KeyOf(DataTranslation t) => $"{t.Culture}\n{t.Context}\n{t.Key}".ToUpperInvariant();
        var replaced = translations.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        document.Translations.RemoveAll(t => replaced.Contains(KeyOf(t)));
        document.Translations.AddRange(translations);
        await documents.SaveAsync(DocumentNames.DataTranslations, document);
        _lookup = null;
    }
}
