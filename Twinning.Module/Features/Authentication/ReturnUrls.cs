using System.Diagnostics.CodeAnalysis;

namespace Twinning.Module.Features.Authentication;

/// <summary>Where a sign-in may send the browser afterwards: only a path on this site. Anything else would make the
/// sign-in page an open redirect (<c>//evil.example</c>, <c>/\evil.example</c>, or <c>/&#9;/evil.example</c>, which
/// browsers read as <c>//evil.example</c> once they drop the tab).</summary>
public static class ReturnUrls
{
    public const string Home = "/";

    /// <summary>Whether <paramref name="url"/> is a path on this site: one leading slash, and no control characters.</summary>
    public static bool IsLocal([NotNullWhen(true)] string? url)
        => !string.IsNullOrEmpty(url)
            && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is local, otherwise the home page.</summary>
    public static string LocalOrHome(string? url) => IsLocal(url) ? url : Home;
}
