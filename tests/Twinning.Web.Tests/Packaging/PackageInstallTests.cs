using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Packaging;

/// <summary>"Install the module" for a host other than Twinning.Web: Twinning.Core and Twinning.Module are packed into a
/// folder feed, a new ASP.NET Core app that knows Twinning only through that feed is written, restored and built, and
/// started on SQLite with the municipal recipe; the sample site's forums are then read through the API.</summary>
public sealed class PackageInstallTests
{
    private static readonly TimeSpan DotnetTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Debug or Release: the configuration the solution, and so these tests, were built in.</summary>
    private static readonly string BuildConfiguration =
        typeof(PackageInstallTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    [Fact]
    public async Task AFreshAspNetCoreAppInstallsTwinningModuleFromAFolderFeedAndServesTheMunicipalSite()
    {
        var work = Directory.CreateTempSubdirectory("twinning-install-").FullName;
        // A version of its own, so the machine's package cache never hands back a package of an earlier run.
        var version = $"0.1.0-install.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = Path.Combine(work, "feed");
        var appFolder = Path.Combine(work, "app");
        Process? site = null;
        try
        {
            // Packed from the build these tests run from (the solution was built before the tests ran), so the test
            // compiles nothing of Twinning again; only the package version is its own.
            foreach (var project in new[] { "Twinning.Core", "Twinning.Module" })
            {
                await DotnetAsync(Repository.Root, "pack", Repository.PathOf(project, project + ".csproj"),
                    "-c", BuildConfiguration, "--no-build", "-o", feed, $"-p:Version={version}");
            }

            WriteApp(appFolder, feed, version);
            await DotnetAsync(appFolder, "build", "-c", "Release");

            var port = FreePort();
            var output = new ConcurrentQueue<string>();
            var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "bin", "Release", "net10.0", "InstalledTwinning.dll")])
            {
                WorkingDirectory = appFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            // Run from the build output, a package's static web assets are served in Development (publish copies them).
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Twinning__DataPath"] = Path.Combine(work, "data");
            start.Environment["Twinning__Setup__Recipe"] = Repository.PathOf("recipes", "twinning-municipal-site.recipe.json");
            site = Process.Start(start)!;
            site.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
            site.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
            site.BeginOutputReadLine();
            site.BeginErrorReadLine();

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(site, client, output);
            var response = await client.GetAsync(new Uri("/api/content?contentType=Forum&culture=pl-PL", UriKind.Relative));
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            using var stylesheet = await client.GetAsync(new Uri("/_content/Twinning.Module/admin.css", UriKind.Relative));
            // A browser library the module's build installed from npm travels in the package like admin.css.
            using var library = await client.GetAsync(new Uri("/_content/Twinning.Module/lib/tiptap/tiptap.js", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Polsko-Białoruskie Forum Miast Partnerskich", body!["items"].Strings("DisplayText"));
            Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
            Assert.Equal(HttpStatusCode.OK, library.StatusCode);
            Assert.True(File.Exists(Path.Combine(appFolder, "bin", "Release", "net10.0", "Twinning.Module.dll")),
                "Twinning.Module came from the package, next to the app");
        }
        finally
        {
            if (site is not null)
            {
                if (!site.HasExited)
                {
                    site.Kill(entireProcessTree: true);
                    await site.WaitForExitAsync();
                }
                site.Dispose();
            }
            Directory.Delete(work, recursive: true);
            RemoveFromPackageCache(version);
        }
    }

    /// <summary>The app a webmaster would write: the package, and the three calls. Its nuget.config is the repository's
    /// with the folder feed added for Twinning's packages; the folder's own Directory.Build.props keeps any found
    /// further up out of the build.</summary>
    private static void WriteApp(string folder, string feed, string version)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "InstalledTwinning.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Twinning.Module" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Twinning.Module" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using Twinning.Module.Features;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddTwinning();
            var app = builder.Build();
            app.UseTwinning();
            app.MapTwinning();
            app.Run();
            """);

        var config = XDocument.Load(Repository.PathOf("nuget.config"));
        var root = config.Root!;
        root.Element("packageSources")!.Add(new XElement("add", new XAttribute("key", "twinning-local"), new XAttribute("value", feed)));
        root.Element("packageSourceMapping")?.Add(new XElement("packageSource", new XAttribute("key", "twinning-local"),
            new XElement("package", new XAttribute("pattern", "Twinning.*"))));
        config.Save(Path.Combine(folder, "nuget.config"));
    }

    private static async Task WaitUntilReadyAsync(Process site, HttpClient client, ConcurrentQueue<string> output)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (site.HasExited)
            {
                throw new InvalidOperationException($"The app stopped ({site.ExitCode}):\n{string.Join('\n', output)}");
            }
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app was not ready within three minutes:\n{string.Join('\n', output)}");
    }

    /// <summary>Runs the dotnet CLI quietly, without build servers that would outlive the test.</summary>
    private static async Task DotnetAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [.. arguments, "-v", "q", "-nologo", "--disable-build-servers"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(DotnetTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took longer than {DotnetTimeout}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    /// <summary>The test's packages left the machine's package cache as they came: one version, used once.</summary>
    private static void RemoveFromPackageCache(string version)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "twinning.core", "twinning.module" })
        {
            var folder = Path.Combine(cache, id, version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            if (Directory.Exists(Path.Combine(cache, id)) && !Directory.EnumerateFileSystemEntries(Path.Combine(cache, id)).Any())
            {
                Directory.Delete(Path.Combine(cache, id));
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
