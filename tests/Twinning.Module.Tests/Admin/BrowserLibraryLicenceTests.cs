using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Twinning.Module.Tests.Infrastructure;

namespace Twinning.Module.Tests.Admin;

/// <summary>The admin's browser libraries (Twinning.Module/Assets/package.json, installed by the build into
/// node_modules): each has a permissive licence, as its own package.json declares it, and is listed with that version and
/// licence in THIRD-PARTY-NOTICES.md at the repository root.</summary>
public sealed partial class BrowserLibraryLicenceTests
{
    private static readonly HashSet<string> Permissive =
        new(["MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "0BSD", "Apache-2.0"], StringComparer.Ordinal);

    public static TheoryData<string> Packages()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Repository.PathOf("Twinning.Module", "Assets", "package.json")))!;
        var names = new TheoryData<string>();
        foreach (var section in new[] { "dependencies", "devDependencies" })
        {
            foreach (var (name, _) in manifest[section]?.AsObject() ?? [])
            {
                names.Add(name);
            }
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EachPackageHasAPermissiveLicenceAndIsListedInTheNotices(string package)
    {
        var installed = Repository.PathOf(["Twinning.Module", "Assets", "node_modules", .. package.Split('/'), "package.json"]);
        Assert.True(File.Exists(installed), $"{package} is installed by building Twinning.Module (npm ci): {installed} is missing.");
        var manifest = JsonNode.Parse(File.ReadAllText(installed))!;
        var version = (string)manifest["version"]!;
        var licence = (string?)manifest["license"] ?? "";

        Assert.True(Permissive.Contains(licence), $"{package} {version} declares the licence '{licence}', not one of {string.Join(", ", Permissive)}.");
        var rows = NoticeRows();
        Assert.True(rows.TryGetValue(package, out var row), $"{package} is not listed in THIRD-PARTY-NOTICES.md.");
        Assert.Equal((version, licence), row);
    }

    [Fact]
    public void TheLicenceCheckReadsTheNoticesTable()
    {
        var rows = NoticeRows();

        Assert.Equal(("3.0.1", "MIT"), rows["accessible-autocomplete"]);
    }

    /// <summary>The package tables of THIRD-PARTY-NOTICES.md: "| name | version | licence | …".</summary>
    private static Dictionary<string, (string Version, string Licence)> NoticeRows()
    {
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Repository.PathOf("THIRD-PARTY-NOTICES.md")))
        {
            var match = Row().Match(line);
            if (match.Success)
            {
                rows[match.Groups["name"].Value] = (match.Groups["version"].Value, match.Groups["licence"].Value);
            }
        }
        return rows;
    }

    [GeneratedRegex(@"^\|\s*(?<name>[@a-z0-9][\w./@-]*)\s*\|\s*(?<version>\d+\.\d+\.\d+[\w.-]*)\s*\|\s*(?<licence>[\w.-]+)\s*\|")]
    private static partial Regex Row();
}
