// An Orchard Core CMS host: every module referenced by the project (Orchard's CMS modules and Twinning) is available
// to its tenants; the setup screen offers the municipal recipe.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOrchardCms();

var app = builder.Build();

app.UseStaticFiles();
app.UseOrchardCore();

await app.RunAsync();

/// <summary>Entry point, public so the Orchard-only tests can host it.</summary>
public partial class Program;
