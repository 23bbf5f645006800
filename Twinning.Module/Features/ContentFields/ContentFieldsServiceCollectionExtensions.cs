using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.ContentFields;

public static class ContentFieldsServiceCollectionExtensions
{
    /// <summary>The validator that checks a field value through its field type's handler.</summary>
    public static IServiceCollection AddTwinningContentFields(this IServiceCollection services)
        => services.AddSingleton<ContentFieldValidator>();
}
