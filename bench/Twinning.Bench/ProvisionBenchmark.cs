using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Recipes;
using Twinning.Module.Features.Storage;

namespace Twinning.Bench;

/// <summary>
/// Recipe provisioning time on SQLite. Each run: a fresh data folder, a host with AddTwinning whose setup only
/// migrates and creates the administrator (RunRecipe=false), then, timed one after the other in that host, the
/// empty baseline recipe and the municipal site recipe through <see cref="RecipeExecutor.ExecuteFileAsync"/>.
/// </summary>
internal static class ProvisionBenchmark
{
    private const string BaselineRecipe = """{"name":"baseline","steps":[]}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = IntOption(args, "--runs", 10);
        var warmups = IntOption(args, "--warmup", 1);
        var stepTimes = args.Contains("--steps");
        SqlCommandCounter.Instance.Profiling = args.Contains("--sql");
        var recipePath = BenchSettings.RecipePath;
        if (!File.Exists(recipePath))
        {
            Console.Error.WriteLine($"The recipe {recipePath} is missing; build the bench project first.");
            return 1;
        }
        var baselinePath = Path.Combine(Path.GetTempPath(), $"twinning-bench-baseline-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(baselinePath, BaselineRecipe);
        try
        {
            Console.WriteLine(Invariant($"Recipe provisioning on SQLite: {runs} runs after {warmups} warm-up, a fresh data folder and host per run."));
            Console.WriteLine(Invariant($"  recipe   {recipePath} ({new FileInfo(recipePath).Length / 1024} KiB)"));
            Console.WriteLine(Invariant($"  baseline {BaselineRecipe}"));
            var samples = new List<Sample>();
            for (var i = 0; i < warmups + runs; i++)
            {
                var sample = await MeasureOnceAsync(recipePath, baselinePath, stepTimes);
                if (sample.Failure is not null)
                {
                    Console.Error.WriteLine($"The municipal recipe failed:{Environment.NewLine}{sample.Failure}");
                    return 1;
                }
                var label = i < warmups ? $"warm-up {i + 1}" : $"run {i - warmups + 1}";
                Console.WriteLine(Invariant(
                    $"  {label,-10} setup {sample.SetupMs,7:F1} ms | baseline {sample.BaselineMs,6:F2} ms ({sample.BaselineSql} SQL) | recipe {sample.RecipeMs,7:F1} ms ({sample.RecipeSql} SQL, {sample.Versions} item versions)"));
                if (i >= warmups)
                {
                    samples.Add(sample);
                }
            }
            PrintSummary(samples, stepTimes);
            if (SqlCommandCounter.Instance.Profiling)
            {
                PrintSqlProfile();
            }
            return 0;
        }
        finally
        {
            File.Delete(baselinePath);
        }
    }

    private static async Task<Sample> MeasureOnceAsync(string recipePath, string baselinePath, bool stepTimes)
    {
        var data = BenchSettings.NewDataFolder();
        try
        {
            var builder = Host.CreateApplicationBuilder([]);
            builder.Configuration.AddInMemoryCollection(BenchSettings.Configuration(data, runRecipe: false, defaultLogLevel: "Warning"));
            builder.Services.AddTwinning();
            builder.Services.ConfigureDbContext<TwinningDbContext>(options => options.AddInterceptors(SqlCommandCounter.Instance));
            var timings = new StepTimings();
            if (stepTimes)
            {
                TimedRecipeStep.Decorate(builder.Services, timings);
            }
            using var host = builder.Build();

            var start = Stopwatch.GetTimestamp();
            await host.StartAsync();
            var setup = Stopwatch.GetElapsedTime(start);
            var executor = host.Services.GetRequiredService<RecipeExecutor>();

            var (baseline, baselineTime, baselineSql) = await TimeAsync(() => executor.ExecuteFileAsync(baselinePath));
            if (!baseline.Succeeded)
            {
                return Sample.Failed($"(baseline) {baseline}");
            }
            timings.Clear();
            SqlCommandCounter.Instance.ResetProfile();
            var (recipe, recipeTime, recipeSql) = await TimeAsync(() => executor.ExecuteFileAsync(recipePath));
            if (!recipe.Succeeded)
            {
                return Sample.Failed(recipe.ToString());
            }

            int versions;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                // Sanity check that the content really landed: the Gdańsk forum in both cultures, and every version.
                var forums = await scope.ServiceProvider.GetRequiredService<ContentStore>().ListAsync("Forum");
                if (!forums.Any(f => f.DisplayText == ServeMode.GdanskForumTitle))
                {
                    return Sample.Failed("The recipe succeeded but the Gdańsk forum is not published.");
                }
                versions = await scope.ServiceProvider.GetRequiredService<TwinningDbContext>().ContentItemVersions.CountAsync();
            }
            await host.StopAsync();
            return new Sample(setup.TotalMilliseconds, baselineTime.TotalMilliseconds, baselineSql, recipeTime.TotalMilliseconds, recipeSql, versions, timings.Snapshot(), null);
        }
        finally
        {
            BenchSettings.DeleteDataFolder(data);
        }
    }

    /// <summary>Times one recipe run, after a full collection so one run's garbage is not billed to the next.</summary>
    private static async Task<(RecipeResult Result, TimeSpan Time, long Sql)> TimeAsync(Func<Task<RecipeResult>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var sql = SqlCommandCounter.Instance.Count;
        var start = Stopwatch.GetTimestamp();
        var result = await run();
        var time = Stopwatch.GetElapsedTime(start);
        return (result, time, SqlCommandCounter.Instance.Count - sql);
    }

    private static void PrintSummary(List<Sample> samples, bool stepTimes)
    {
        if (samples.Count == 0)
        {
            return;
        }
        var baseline = samples.Select(s => s.BaselineMs).ToList();
        var recipe = samples.Select(s => s.RecipeMs).ToList();
        var setup = samples.Select(s => s.SetupMs).ToList();
        Console.WriteLine();
        Console.WriteLine(Invariant($"{"PROVISION (ms)",-34} {"median",9} {"p90",9} {"min",9} {"max",9}"));
        Row("baseline: empty recipe", baseline);
        Row("municipal site recipe", recipe);
        Row("host start: migrate + admin", setup);
        var ratio = Median(recipe) / Median(baseline);
        Console.WriteLine(Invariant($"RATIO recipe/baseline median {ratio:F0}x  p90 {Percentile(recipe, 0.9) / Percentile(baseline, 0.9):F0}x"));
        Console.WriteLine(Invariant($"CONTENT COST median recipe - median baseline = {Median(recipe) - Median(baseline):F1} ms"));
        Console.WriteLine(Invariant($"SQL commands per run: baseline {samples[0].BaselineSql}, recipe {samples[0].RecipeSql}; item versions written {samples[0].Versions}"));

        if (stepTimes)
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"{"STEP (handler time, ms)",-34} {"median",9} {"p90",9} {"SQL",9}"));
            var steps = samples[0].Steps.Count;
            for (var i = 0; i < steps; i++)
            {
                var times = samples.Select(s => s.Steps[i].Milliseconds).ToList();
                var step = samples[0].Steps[i];
                Console.WriteLine(Invariant($"{$"{step.Index} {step.Name}",-34} {Median(times),9:F1} {Percentile(times, 0.9),9:F1} {step.Sql,9}"));
            }
            var handlers = samples.Select(s => s.Steps.Sum(t => t.Milliseconds)).ToList();
            var outside = samples.Select(s => s.RecipeMs - s.Steps.Sum(t => t.Milliseconds)).ToList();
            Console.WriteLine(Invariant($"{"all step handlers",-34} {Median(handlers),9:F1} {Percentile(handlers, 0.9),9:F1}"));
            Console.WriteLine(Invariant($"{"outside handlers (parse, expr., tx)",-34} {Median(outside),9:F1} {Percentile(outside, 0.9),9:F1}"));
        }
    }

    /// <summary>The last run's commands by total database time (reader time, not row reading).</summary>
    private static void PrintSqlProfile()
    {
        Console.WriteLine();
        Console.WriteLine("SQL IN THE LAST RECIPE RUN (top 12 by database time)");
        foreach (var (sql, count, time) in SqlCommandCounter.Instance.TopCommands(12))
        {
            var text = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Console.WriteLine(Invariant($"  {count,5}x {time.TotalMilliseconds,8:F1} ms  {(text.Length > 150 ? text[..150] + "..." : text)}"));
        }
    }

    private static void Row(string label, List<double> values)
        => Console.WriteLine(Invariant($"{label,-34} {Median(values),9:F2} {Percentile(values, 0.9),9:F2} {values.Min(),9:F2} {values.Max(),9:F2}"));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Sample(double SetupMs, double BaselineMs, long BaselineSql, double RecipeMs, long RecipeSql, int Versions, IReadOnlyList<StepTime> Steps, string? Failure)
    {
        public static Sample Failed(string failure) => new(0, 0, 0, 0, 0, 0, [], failure);
    }
}

internal sealed record StepTime(int Index, string Name, double Milliseconds, long Sql);

/// <summary>Per-step handler times of the current recipe run (only with --steps).</summary>
internal sealed class StepTimings
{
    private readonly List<StepTime> _times = [];
    private readonly Lock _lock = new();

    public void Add(StepTime time)
    {
        lock (_lock)
        {
            _times.Add(time);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _times.Clear();
        }
    }

    public IReadOnlyList<StepTime> Snapshot()
    {
        lock (_lock)
        {
            return [.. _times];
        }
    }
}

/// <summary>Wraps a step handler to time it; registered in place of each IRecipeStep with the same lifetime.</summary>
internal sealed class TimedRecipeStep(IRecipeStep inner, StepTimings timings) : IRecipeStep
{
    public string Name => inner.Name;

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var sql = SqlCommandCounter.Instance.Count;
        var start = Stopwatch.GetTimestamp();
        try
        {
            await inner.ExecuteAsync(context);
        }
        finally
        {
            timings.Add(new StepTime(context.Index, context.Name ?? Name, Stopwatch.GetElapsedTime(start).TotalMilliseconds, SqlCommandCounter.Instance.Count - sql));
        }
    }

    public static void Decorate(IServiceCollection services, StepTimings timings)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] is { ServiceType: var type, ImplementationType: { } implementation, Lifetime: var lifetime } && type == typeof(IRecipeStep))
            {
                services[i] = ServiceDescriptor.Describe(typeof(IRecipeStep),
                    provider => new TimedRecipeStep((IRecipeStep)ActivatorUtilities.CreateInstance(provider, implementation), timings), lifetime);
            }
        }
    }
}
