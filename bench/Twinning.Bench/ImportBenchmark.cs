using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features;
using Twinning.Module.Features.Recipes;

namespace Twinning.Bench;

/// <summary>
/// A recipe's <c>content</c> step at growing sizes, as an import of an existing site's items runs: for each size a new
/// host over a new data folder with the municipal recipe, a small import to warm the host, then one recipe of that many
/// partner cities, timed. The smallest size is the baseline: the time per item at each size against its
/// time per item says whether an import's cost grows with its size alone (1.0) or faster.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = SizesOption(args) ?? [250, 1000, 4000];
        Console.WriteLine($"A content recipe of N partner cities on SQLite, one fresh host per size, after one unmeasured import: {string.Join(", ", sizes)}.");
        Console.WriteLine(Invariant($"{"items",8} {"recipe ms",10} {"ms/item",8} {"per item, against the first size",34}"));
        // A first host, not counted, so that the JIT's work is not billed to the smallest size.
        if ((await MeasureAsync(sizes[0])).Failure is { } warmUpFailure)
        {
            Console.Error.WriteLine($"The warm-up recipe failed: {warmUpFailure}");
            return 1;
        }
        double? first = null;
        foreach (var size in sizes)
        {
            var (ms, failure) = await MeasureAsync(size);
            if (failure is not null)
            {
                Console.Error.WriteLine($"The recipe of {size} items failed: {failure}");
                return 1;
            }
            var perItem = ms / size;
            first ??= perItem;
            Console.WriteLine(Invariant($"{size,8} {ms,10:F0} {perItem,8:F2} {perItem / first.Value,34:F2}"));
        }
        return 0;
    }

    private static async Task<(double Milliseconds, string? Failure)> MeasureAsync(int size)
    {
        var data = BenchSettings.NewDataFolder();
        try
        {
            var builder = Host.CreateApplicationBuilder([]);
            builder.Configuration.AddInMemoryCollection(BenchSettings.Configuration(data, runRecipe: false, defaultLogLevel: "Error"));
            builder.Services.AddTwinning();
            using var host = builder.Build();
            await host.StartAsync();
            var executor = host.Services.GetRequiredService<RecipeExecutor>();
            // The municipal recipe gives the types (and a few items); the import is timed on its own.
            var site = await executor.ExecuteFileAsync(BenchSettings.RecipePath);
            if (!site.Succeeded)
            {
                return (0, site.ToString());
            }
            // A small import first, not timed, so that the host's own first-time work is not billed to the import.
            if (await ImportAsync(executor, data, "warm-up", 0, WarmUpItems) is { } warmUpFailure)
            {
                return (0, warmUpFailure);
            }
            GC.Collect();
            var start = Stopwatch.GetTimestamp();
            var failure = await ImportAsync(executor, data, "import", WarmUpItems, size);
            var elapsed = Stopwatch.GetElapsedTime(start);
            await host.StopAsync();
            return (elapsed.TotalMilliseconds, failure);
        }
        finally
        {
            BenchSettings.DeleteDataFolder(data);
        }
    }

    private const int WarmUpItems = 20;

    /// <summary>Runs a content recipe of <paramref name="count"/> partner cities numbered from <paramref name="from"/>;
    /// null when it succeeded, else why not.</summary>
    private static async Task<string?> ImportAsync(RecipeExecutor executor, string data, string name, int from, int count)
    {
        var items = new JsonArray([.. Enumerable.Range(from, count).Select(unit =>
        {
            var city = ContentSeeder.City(unit);
            city["ContentItemId"] = IdGenerator.New();
            city["Published"] = true;
            return (JsonNode)city;
        })]);
        var recipe = new JsonObject { ["name"] = name, ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["data"] = items }) };
        var path = Path.Combine(data, name + ".recipe.json");
        await File.WriteAllTextAsync(path, recipe.ToJsonString());
        var result = await executor.ExecuteFileAsync(path);
        return result.Succeeded ? null : result.ToString();
    }

    private static int[]? SizesOption(string[] args)
    {
        var index = Array.IndexOf(args, "--sizes");
        return index >= 0 && index + 1 < args.Length
            ? [.. args[index + 1].Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture))]
            : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
