using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Scheduling;

/// <summary>The <c>Twinning:Scheduling</c> section.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Twinning:Scheduling";

    /// <summary>How often the runner looks for due schedules at the longest (it also wakes at the next one's time and
    /// when a schedule is added in this instance). Default one minute.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Publish later and unpublish later: the schedules (<see cref="ContentSchedules"/>), their runner, and
    /// the dropping of an item's schedules when it is deleted.</summary>
    public static IServiceCollection AddTwinningScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>()
            .BindConfiguration(SchedulingOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Twinning:Scheduling:PollInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ScheduleSignal>();
        services.AddScoped<ContentSchedules>();
        services.AddSingleton<IContentEventSubscriber, DropSchedulesOfRemovedItems>();
        services.AddHostedService<ContentScheduleRunner>();
        return services;
    }
}

/// <summary>An item deleted before its schedules fall due has them dropped.</summary>
public sealed class DropSchedulesOfRemovedItems(IServiceScopeFactory scopes, TimeProvider clock) : IContentEventSubscriber
{
    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        if (contentEvent.Kind != ContentEventKind.Removed)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var id = contentEvent.Item.ContentItemId;
        var now = ContentSchedules.Whole(clock.GetUtcNow().UtcDateTime);
        await scope.ServiceProvider.GetRequiredService<TwinningDbContext>().Set<ContentScheduleRecord>()
            .Where(s => s.ContentItemId == id && s.Status == ScheduleStatuses.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScheduleStatuses.Dropped).SetProperty(r => r.CompletedUtc, now), cancellationToken);
    }
}
