using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Recipes;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Module.Features.Storage.Migrations;

namespace Twinning.Module.Features.Setup;

/// <summary>What setup recorded, so it runs once per database.</summary>
public sealed class SetupDocument
{
    public DateTime CompletedUtc { get; set; }
    public string? Recipe { get; set; }
    public string AdminUserName { get; set; } = "";
}

/// <summary>
/// Brings the database to the current schema at start-up and, on an empty database, provisions the site:
/// runs the setup recipe and creates the first administrator in the same transaction. The administrator's
/// password comes from configuration, or is generated and written to the log this once. Every start first
/// finishes the media writes of a recipe that committed without them (<see cref="MediaStagingArea"/>), so a
/// setup stopped between its commit and its media still ends as a whole site.
/// </summary>
public sealed class SetupService(
    IServiceScopeFactory scopes,
    RecipeExecutor recipes,
    IOptions<TwinningOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<SetupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging. EF Core turns it on only in a database file it creates itself, and creating the
                // history table below creates the file first. Without it, a reader on another connection (a request,
                // another instance polling for webhooks) makes the UPDATE ... RETURNING that SaveChanges sends fail at
                // once with "database is locked", which Microsoft.Data.Sqlite cannot retry. The file keeps the mode,
                // so a site created without it switches here.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = 'wal';", cancellationToken);
            }
            // On an empty database the migrator reads the history table before creating it, which logs a failed
            // query on PostgreSQL; created first, a first start logs no errors.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
            // Before anything reads the site: media a recipe (setup's among them) committed but never wrote.
            await scope.ServiceProvider.GetRequiredService<MediaStagingArea>().RecoverAsync(documents);
            if (await documents.ExistsAsync(DocumentNames.Setup))
            {
                if (pending.Any(m => m.EndsWith(FieldValueIndexMigration, StringComparison.Ordinal)))
                {
                    // A site from before the field value index: fill it once from the stored items.
                    var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionService>().GetAsync();
                    var indexed = await FieldValueIndexer.RebuildAsync(db, definitions, cancellationToken);
                    logger.LogInformation("Indexed {Count} field values of existing content.", indexed);
                }
                if (pending.Any(m => m.EndsWith(MediaReferences.Name, StringComparison.Ordinal)))
                {
                    // A site from before the media reference index: fill it once, so the library knows what is in use.
                    var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionService>().GetAsync();
                    var indexed = await ContentIndexer.RebuildAsync(db, definitions, cancellationToken);
                    logger.LogInformation("Indexed the media files used by {Count} content item versions.", indexed);
                }
                return;
            }
        }
        var result = await ProvisionAsync();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Setup failed and changed nothing:{Environment.NewLine}{result}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private const string FieldValueIndexMigration = "_FieldValueIndex";

    private async Task<RecipeResult> ProvisionAsync()
    {
        var setup = options.Value.Setup;
        var password = string.IsNullOrEmpty(setup.AdminPassword) ? UserService.GeneratePassword() : setup.AdminPassword;
        // Known before the recipe runs, as Orchard Core's setup gives it: recipes set items' Owner to it.
        var adminId = IdGenerator.New();
        var parameters = new Dictionary<string, string> { ["AdminUsername"] = setup.AdminUserName, ["AdminUserId"] = adminId };
        if (!string.IsNullOrEmpty(setup.AdminEmail))
        {
            parameters["AdminEmail"] = setup.AdminEmail;
        }
        var run = new RecipeRunOptions
        {
            UserName = setup.AdminUserName,
            Parameters = parameters,
            BeforeCommit = async services =>
            {
                var problems = await services.GetRequiredService<UserService>()
                    .CreateAsync(setup.AdminUserName, setup.AdminEmail, password, [RoleNames.Administrator], id: adminId);
                if (problems.Count > 0)
                {
                    return problems.Select(p => new RecipeError(null, "setup", null, "Twinning:Setup:AdminPassword", p.Message)).ToList();
                }
                await services.GetRequiredService<DocumentStore>().SaveAsync(DocumentNames.Setup, new SetupDocument
                {
                    CompletedUtc = clock.GetUtcNow().UtcDateTime,
                    Recipe = setup.RunRecipe ? setup.Recipe : null,
                    AdminUserName = setup.AdminUserName,
                });
                // Logged before the commit: a process that ends just after it (kill -9) must not leave an
                // administrator whose password nobody saw. Should the commit fail, the start fails and says so.
                if (string.IsNullOrEmpty(setup.AdminPassword))
                {
                    logger.LogWarning("Created the administrator '{UserName}' with the generated password {Password} . It is shown only this once: sign in and change it.",
                        setup.AdminUserName, password);
                }
                else
                {
                    logger.LogInformation("Created the administrator '{UserName}' with the configured password.", setup.AdminUserName);
                }
                return [];
            },
        };
        var result = setup.RunRecipe
            ? await recipes.ExecuteFileAsync(ResolveRecipe(setup.Recipe), run)
            : await recipes.ExecuteAsync("""{ "name": "empty", "steps": [] }""", null, run);
        return result;
    }

    private string ResolveRecipe(string recipe)
    {
        if (Path.IsPathRooted(recipe))
        {
            return recipe;
        }
        var besideApp = Path.Combine(AppContext.BaseDirectory, recipe);
        return File.Exists(besideApp) ? besideApp : Path.Combine(environment.ContentRootPath, recipe);
    }
}
