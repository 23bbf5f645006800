using Twinning.Module.Features;
using Twinning.Module.Features.Security;

var builder = WebApplication.CreateBuilder(args);

// RFC 9457 problem details for every error response.
builder.Services.AddProblemDetails();

// The Twinning module: storage (SQLite by default, PostgreSQL by configuration), content engine,
// validation rules, recipes, media, security, and first-run setup from the municipal site recipe.
builder.Services.AddTwinning();

var app = builder.Build();

// `users reset-password <name>`: a command on the site's database, without starting the web server.
if (UserCommands.IsCommand(args))
{
    return await UserCommands.RunAsync(app.Services, args, Console.Out);
}

app.UseExceptionHandler();
app.UseStatusCodePages();

// Media library files under /media, then authentication, CORS and authorization.
app.UseTwinning();

// Content API, site facts, admin pages, GraphQL, twinning views, webhooks and health probes (/health/live, /health/ready).
app.MapTwinning();

app.Run();
return 0;

/// <summary>Visible to the functional tests, which host the real app through WebApplicationFactory.</summary>
public partial class Program;
