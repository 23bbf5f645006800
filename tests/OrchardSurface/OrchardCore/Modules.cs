using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardCore.Modules;

// Source: src/OrchardCore/OrchardCore.Abstractions/Modules/StartupBase.cs
public abstract class StartupBase
{
    public virtual void ConfigureServices(IServiceCollection services) => throw new NotSupportedException();

    public virtual void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider serviceProvider)
        => throw new NotSupportedException();
}
