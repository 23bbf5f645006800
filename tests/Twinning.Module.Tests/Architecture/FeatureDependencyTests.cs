using System.Text.RegularExpressions;
using Twinning.Module.Tests.Infrastructure;

namespace Twinning.Module.Tests.Architecture;

/// <summary>
/// Dependencies between the top-level folders of Twinning.Module/Features: a folder depends on another when one of its
/// files (C# or Razor view) names that folder's namespace (a <c>using</c> or a qualified name; the module has no
/// global usings of its own). When two folders need each other, one of them owns a small interface the other implements
/// (docs: architecture.md, "No cycles between feature folders").
/// </summary>
public sealed partial class FeatureDependencyTests
{
    [Fact]
    public void FeatureFoldersFormNoCycle()
    {
        var graph = Dependencies();

        var cycles = StronglyConnected(graph).Select(c => string.Join(", ", c.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();

        Assert.True(graph.Count > 15, $"The feature folders should be found under {FeaturesFolder()}, got {graph.Count}.");
        Assert.Empty(cycles);
    }

    [Fact]
    public void TheCycleFinderFindsATwoFolderAndAThreeFolderCycle()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["A", "C"],
            ["C"] = ["D"],
            ["D"] = ["E"],
            ["E"] = ["C"],
            ["F"] = ["A"],
        };

        var cycles = StronglyConnected(graph).Select(c => string.Join(",", c.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);

        Assert.Equal(["A,B", "C,D,E"], cycles);
    }

    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var root = FeaturesFolder();
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories).Where(IsSource))
            {
                foreach (Match match in FeatureNamespace().Matches(File.ReadAllText(file)))
                {
                    var other = match.Groups[1].Value;
                    if (other != folder && folders.Contains(other))
                    {
                        graph[folder].Add(other);
                    }
                }
            }
        }
        return graph;
    }

    /// <summary>C# files and Razor views: a view's <c>@using</c> or <c>@inject</c> ties its folder as much as code does.</summary>
    private static bool IsSource(string file) => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal);

    /// <summary>The groups of two or more folders that reach each other (Tarjan's algorithm).</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }
            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    groups.Add(group);
                }
            }
        }
        foreach (var v in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }
        return groups;
    }

    [GeneratedRegex(@"Twinning\.Module\.Features\.(\w+)")]
    private static partial Regex FeatureNamespace();

    private static string FeaturesFolder() => Repository.PathOf("Twinning.Module", "Features");
}
