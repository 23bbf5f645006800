using System.Globalization;
using Twinning.Core.Content.Definitions;

namespace Twinning.Core.Content.Localization;

/// <summary>One translation of a dynamic text (a content type's or field's display name, a hint, a list option), as
/// Orchard Core 3.0's Data Localization keeps it: the text as the definitions write it (<paramref name="Key"/>), the
/// <paramref name="Context"/> it belongs to, and its <paramref name="Value"/> in <paramref name="Culture"/>.</summary>
public sealed record DataTranslation(string Culture, string Context, string Key, string Value);

/// <summary>
/// Looks up dynamic texts in the reader's language. A text is found by culture, context and key (each compared
/// ignoring case, as Orchard Core merges them); a culture without its own translation takes its parent's (<c>pl-PL</c>
/// reads <c>pl</c>), and a text without any translation, or with an empty one, stays as the definitions write it.
/// Contexts follow Orchard Core's Data Localization: <see cref="ContentTypesContext"/> for type display names,
/// <see cref="FieldContext"/> for a field's display name.
/// </summary>
public sealed class DataTranslations
{
    /// <summary>The context of content types' display names (Orchard Core's "Content Types").</summary>
    public const string ContentTypesContext = "Content Types";

    public static readonly DataTranslations None = new([]);

    private readonly Dictionary<(string Culture, string Context, string Key), string> _values = new(KeyComparer.Instance);

    public DataTranslations(IEnumerable<DataTranslation> translations)
    {
        ArgumentNullException.ThrowIfNull(translations);
        foreach (var t in translations)
        {
            // A later entry for the same text replaces an earlier one, as a later recipe step does.
            _values[(t.Culture, t.Context, t.Key)] = t.Value;
        }
    }

    /// <summary>The context of a field's display name: its part, then the field's display name as the definitions
    /// write it (Orchard Core's <c>{PartName}.{FieldDisplayName}</c>).</summary>
    public static string FieldContext(string partName, string fieldDisplayName) => $"{partName}.{fieldDisplayName}";

    /// <summary>The type's display name (or its name) in the current UI culture.</summary>
    public string TypeName(ContentTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Get(CultureInfo.CurrentUICulture, ContentTypesContext, type.DisplayName ?? type.Name);
    }

    /// <summary><paramref name="text"/> in <paramref name="culture"/> (or its nearest parent with a translation), or
    /// <paramref name="text"/> itself.</summary>
    public string Get(CultureInfo culture, string context, string text)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_values.TryGetValue((c.Name, context, text), out var value) && value.Length > 0)
            {
                return value;
            }
        }
        return text;
    }

    private sealed class KeyComparer : IEqualityComparer<(string Culture, string Context, string Key)>
    {
        public static readonly KeyComparer Instance = new();

        private static readonly StringComparer Text = StringComparer.OrdinalIgnoreCase;

        public bool Equals((string Culture, string Context, string Key) x, (string Culture, string Context, string Key) y)
            => Text.Equals(x.Culture, y.Culture) && Text.Equals(x.Context, y.Context) && Text.Equals(x.Key, y.Key);

        public int GetHashCode((string Culture, string Context, string Key) obj)
            => HashCode.Combine(Text.GetHashCode(obj.Culture), Text.GetHashCode(obj.Context), Text.GetHashCode(obj.Key));
    }
}
