namespace Twinning.Module.Features.Validation;

/// <summary>
/// Orchard Core matches the member names of parts and fields without regard to case. A member that differs from a
/// property or field only in case (<c>HtmlBodyPart.html</c>, <c>Note.html</c>) would be read there as the one it
/// resembles, past every check and the HTML sanitiser, so validation refuses it.
/// </summary>
public static class MemberNames
{
    /// <summary>The member of <paramref name="members"/> that <paramref name="key"/> names in another case, or null
    /// when it names one exactly or none.</summary>
    public static string? CaseVariantOf(string key, IReadOnlyCollection<string> members)
        => members.Contains(key, StringComparer.Ordinal)
            ? null
            : members.FirstOrDefault(m => string.Equals(m, key, StringComparison.OrdinalIgnoreCase));
}
