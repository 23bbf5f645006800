using Microsoft.Extensions.DependencyInjection;

namespace Twinning.Module.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The site-wide audit log (<see cref="IAuditLog"/>), its retention (<c>Twinning:Audit</c>) and its page
    /// (<c>/admin/audit</c>, in the admin's folder).</summary>
    public static IServiceCollection AddTwinningAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>()
            .BindConfiguration(AuditOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.TrimInterval > TimeSpan.Zero, "Twinning:Audit:TrimInterval must be positive.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddHostedService<AuditRetention>();
        return services;
    }
}
