using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Twinning.Module.Features.Admin.Content;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The editors' pages (Razor Pages under <c>Features/Admin</c>, each with an absolute route) and their
    /// texts in English and Polish.</summary>
    public static IServiceCollection AddTwinningAdmin(this IServiceCollection services)
    {
        // No ResourcesPath: AdminText.resx sits beside AdminText.cs, named after its namespace.
        services.AddLocalization();
        services.AddScoped<Roles.RoleAdministration>().AddScoped<ApiClients.ApiClientAdministration>();
        services.AddRazorPages(options => options.RootDirectory = "/Features/Admin")
            .AddMvcOptions(options => options.Filters.Add<UnstorableFormFilter>());
        // The editors of every field type and part, each in its own folder, found here so that adding one is adding
        // its class and view.
        foreach (var type in typeof(AdminServiceCollectionExtensions).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (typeof(IContentFieldEditor).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IContentFieldEditor), type);
            }
            if (typeof(IContentPartEditor).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IContentPartEditor), type);
            }
        }
        services.AddScoped<IEditorLookups, EditorLookups>().AddScoped<TypeEditors>().AddScoped<UsedBy>().AddSingleton<TermFilterChoices>();
        // An editor whose session has ended keeps the form being saved (PendingForms), then is sent to sign in as before.
        services.AddSingleton<Account.PendingForms>();
        services.AddOptions<CookieAuthenticationOptions>(TwinningAuthentication.CookieScheme).PostConfigure<Account.PendingForms>((options, pending) =>
        {
            var signIn = options.Events.OnRedirectToLogin;
            options.Events.OnRedirectToLogin = async context =>
            {
                await pending.KeepAsync(context.HttpContext);
                await signIn(context);
            };
        });
        services.AddScoped<Users.UserAdministration>();
        services.AddSingleton<IEditorSignedIn, Account.ProfileLanguage>();
        services.AddScoped<Settings.SiteSettingsAdministration>().AddScoped<Webhooks.WebhookAdministration>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(AdminCultures.Default);
            options.SupportedCultures = [.. AdminCultures.Supported];
            options.SupportedUICultures = [.. AdminCultures.Supported];
            // The editor's own choice (the language switch, or their profile's language, which sign-in writes into the
            // same cookie) first, else the first of the browser's languages the admin speaks; a browser asking only for
            // languages it does not speak (uk, be, ru) reads English, never a neighbouring language.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = AdminCultures.CookieName },
                new CustomRequestCultureProvider(context => Task.FromResult(
                    AdminCultures.FromBrowser(context.Request.Headers.AcceptLanguage.ToString()) is { } browser
                        ? new ProviderCultureResult(browser.Name)
                        : null)),
            ];
        });
        // Polish letters written as themselves in HTML: the default encoder writes every character outside Basic Latin
        // as a numeric reference ("Has&#x142;o"), so Polish pages were larger and their source unreadable. What means
        // something in HTML (<, >, &, quotes) is still encoded. Only the HTML encoder: URLs and scripts keep theirs.
        // A host that chose its own settings (WebEncoderOptions) keeps them.
        services.AddSingleton(provider => HtmlEncoder.Create(
            provider.GetRequiredService<IOptions<WebEncoderOptions>>().Value.TextEncoderSettings ?? new TextEncoderSettings(UnicodeRanges.All)));
        return services;
    }

    /// <summary>The admin's stylesheet (a static web asset under <c>/_content/Twinning.Module/</c>) and the editor's
    /// language on admin pages. The API keeps its culture-independent English.</summary>
    public static IApplicationBuilder UseTwinningAdmin(this IApplicationBuilder app)
    {
        // The web root's provider given explicitly: in Development and under test it is the build's static web assets
        // alone (a host such as Twinning.Web has no wwwroot folder), which is no reason to log a warning.
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = environment.WebRootFileProvider });
        app.UseWhen(context => IsAdminPath(context.Request.Path), admin => admin.UseRequestLocalization());
        return app;
    }

    public static IEndpointRouteBuilder MapTwinningAdmin(this IEndpointRouteBuilder routes)
    {
        routes.MapRazorPages();
        return routes;
    }

    private static bool IsAdminPath(PathString path)
        => path.StartsWithSegments("/admin") || path.StartsWithSegments("/account");
}
