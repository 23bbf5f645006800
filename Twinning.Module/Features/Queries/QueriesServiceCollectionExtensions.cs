using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Queries;

public static class QueriesServiceCollectionExtensions
{
    /// <summary>The content query service over the index tables and the parsed items it shares, with its limits (<c>Twinning:Queries</c>).</summary>
    public static IServiceCollection AddTwinningQueries(this IServiceCollection services)
    {
        services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContentItemCache>();
        services.AddSingleton<ContentCountCache>();
        services.AddScoped<ContentQuery>();
        return services;
    }
}
