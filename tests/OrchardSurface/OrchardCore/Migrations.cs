using Microsoft.Extensions.DependencyInjection;

namespace OrchardCore.Data.Migration
{
    // Source: src/OrchardCore/OrchardCore.Data.YesSql.Abstractions/IDataMigration.cs
    public interface IDataMigration
    {
    }

    // Source: src/OrchardCore/OrchardCore.Data.YesSql.Abstractions/DataMigration.cs
    public abstract class DataMigration : IDataMigration
    {
    }

    // Source: src/OrchardCore/OrchardCore.Data.YesSql.Abstractions/MigrationServiceCollectionExtensions.cs
    public static class MigrationServiceCollectionExtensions
    {
        public static IServiceCollection AddDataMigration<TDataMigration>(this IServiceCollection services)
            where TDataMigration : class, IDataMigration
            => throw new NotSupportedException();
    }
}

namespace OrchardCore.Recipes.Services
{
    using OrchardCore.Data.Migration;

    // Source: src/OrchardCore/OrchardCore.Recipes.Abstractions/Services/IRecipeMigrator.cs
    public interface IRecipeMigrator
    {
        Task<string> ExecuteAsync(string recipeFileName, IDataMigration migration);
    }
}
