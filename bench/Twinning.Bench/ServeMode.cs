using Twinning.Module.Features;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;

namespace Twinning.Bench;

/// <summary>
/// The Twinning.Web host (problem details, AddTwinning, UseTwinning, MapTwinning) plus one trivial endpoint,
/// over a fresh SQLite data folder that setup provisions with the real recipe. Prints <c>READY &lt;id&gt;</c> with the
/// published Polish Gdańsk forum's id once listening; the data folder is removed on shutdown. With <c>--data DIR</c>
/// the site lives in DIR and is kept: provisioned and grown by <c>--items N</c> the first time only (DIR/seeded-items
/// says how many were added), migrated to this build's schema at every start.
/// </summary>
internal static class ServeMode
{
    public const string GdanskForumTitle = "Polsko-Białoruskie Forum Miast Partnerskich";

    public static async Task<int> RunAsync(string[] args)
    {
        var kept = BenchSettings.KeptDataFolder(args);
        var data = kept ?? BenchSettings.NewDataFolder();
        Directory.CreateDirectory(data);
        var seededMarker = Path.Combine(data, "seeded-items");
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.AddInMemoryCollection(BenchSettings.Configuration(data, runRecipe: true, defaultLogLevel: "Information"));

            // As Twinning.Web/Program.cs.
            builder.Services.AddProblemDetails();
            builder.Services.AddTwinning();
            builder.Services.ConfigureDbContext<TwinningDbContext>(options => options.AddInterceptors(SqlCommandCounter.Instance));

            await using var app = builder.Build();

            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.UseTwinning();
            app.MapTwinning();

            // The floor: routing, the pipeline above and a small JSON body, with no storage behind it.
            app.MapGet("/bench/trivial", () => Results.Json(new { ok = true }));
            // The least work for the bench's GraphQL list (see FloorEndpoint): a bound on any GraphQL execution strategy.
            app.MapFloor();
            // SQL commands sent so far, to show that a page of 20 costs as many queries as a page of 5.
            app.MapGet("/bench/sql-count", () => Results.Json(new { commands = SqlCommandCounter.Instance.Count }));

            await app.StartAsync();
            var items = BenchSettings.Items(args) ?? 0;
            if (kept is not null && File.Exists(seededMarker))
            {
                var seeded = (await File.ReadAllTextAsync(seededMarker)).Trim();
                if (seeded != items.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    await Console.Error.WriteLineAsync($"{data} holds a site grown by {seeded} items, not {items}.");
                    await app.StopAsync();
                    return 1;
                }
            }
            else
            {
                if (items > 0)
                {
                    await ContentSeeder.SeedAsync(app.Services, items);
                }
                if (kept is not null)
                {
                    await File.WriteAllTextAsync(seededMarker, items.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            string? id;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var forums = await scope.ServiceProvider.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Published, "pl-PL");
                id = forums.FirstOrDefault(f => f.DisplayText == GdanskForumTitle)?.ContentItemId;
            }
            if (id is null)
            {
                await Console.Error.WriteLineAsync($"The provisioned site has no published pl-PL forum '{GdanskForumTitle}'.");
                await app.StopAsync();
                return 1;
            }
            Console.WriteLine($"READY {id}");
            Console.Out.Flush();

            await app.WaitForShutdownAsync();
            return 0;
        }
        finally
        {
            if (kept is null)
            {
                BenchSettings.DeleteDataFolder(data);
            }
        }
    }
}
