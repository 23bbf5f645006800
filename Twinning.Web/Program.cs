using Twinning.Module.Features;

var builder = WebApplication.CreateBuilder(args);

// RFC 9457 problem details for every error response.
builder.Services.AddProblemDetails();

// The Twinning module: storage (SQLite by default, PostgreSQL by configuration), content engine,
// validation rules, recipes, media, security, and first-run setup from the municipal site recipe.
builder.Services.AddTwinning();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

// Media library files under /media, then authentication, CORS and authorization.
app.UseTwinning();

// Content API, GraphQL, twinning views, webhooks and readiness (/health).
app.MapTwinning();

app.Run();

/// <summary>Visible to the functional tests, which host the real app through WebApplicationFactory.</summary>
public partial class Program;
