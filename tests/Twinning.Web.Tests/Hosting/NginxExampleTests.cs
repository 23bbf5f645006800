using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Hosting;

/// <summary>The nginx example of docs/operations.md (deploy/nginx/twinning.conf), run by Debian's nginx in front of
/// the real site on Kestrel: TLS ends at nginx, and the site writes https links and HSTS because its configured proxy
/// says so. Only the ports, the upstream and the certificate paths of the example are changed for the test.</summary>
public sealed class NginxExampleTests(ProxiedSite site) : IClassFixture<ProxiedSite>
{
    private const string SiteHost = ProxiedSite.SiteHost;

    [Fact]
    public async Task ThroughTheProxyLinksAreHttpsAndHstsIsSent()
    {
        using var client = site.ClientThroughNginx();
        var forum = await site.App.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");

        var ready = await client.GetAsync($"https://{SiteHost}/health/ready");
        var jsonLd = await client.GetAsync($"https://{SiteHost}/api/twinning/jsonld/{forum.ContentItemId}");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(ready.Headers.Contains("Strict-Transport-Security"), "HSTS on an answer the proxy served over HTTPS");
        Assert.Equal(HttpStatusCode.OK, jsonLd.StatusCode);
        var body = await jsonLd.Content.ReadAsStringAsync();
        Assert.Contains($"https://{SiteHost}/", body, StringComparison.Ordinal);
        Assert.DoesNotContain($"http://{SiteHost}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardingHeadersAClientSendsAreReplacedByTheProxy()
    {
        using var client = site.ClientThroughNginx();
        var request = new HttpRequestMessage(HttpMethod.Get, $"https://{SiteHost}/health/ready");
        // Were this believed, the site would see plain HTTP and redirect.
        request.Headers.Add("X-Forwarded-Proto", "http");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PlainHttpIsRedirectedToHttpsByTheProxy()
    {
        using var client = site.ClientThroughNginx();

        var response = await client.GetAsync($"http://{SiteHost}/health/ready");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"https://{SiteHost}/health/ready", response.Headers.Location!.ToString());
    }
}

/// <summary>The provisioned site on Kestrel with nginx in front, as the example configures it; shared by the
/// read-only tests of one class.</summary>
public sealed class ProxiedSite : IAsyncLifetime, IDisposable
{
    public const string SiteHost = "twinning.example.pl";

    private readonly string _folder = Directory.CreateTempSubdirectory("twinning-nginx-").FullName;
    private readonly int _sitePort = FreePort();
    private readonly int _httpPort = FreePort();
    private readonly int _httpsPort = FreePort();
    private TwinningApplication _app = null!;
    private Process _nginx = null!;
    private X509Certificate2 _certificate = null!;

    public TwinningApplication App => _app;

    public async Task InitializeAsync()
    {
        _app = new TwinningApplication(Providers.Sqlite, settings: new Dictionary<string, string?>
        {
            // As docs/operations.md configures a site behind a proxy on the same machine.
            ["Twinning:Hosting:KnownProxies:0"] = "127.0.0.1",
            ["Twinning:Hosting:HttpsRedirection"] = "true",
            ["Twinning:Hosting:Hsts"] = "true",
        });
        _app.UseKestrel(_sitePort);
        _app.StartServer();

        _certificate = WriteSelfSignedCertificate();
        File.WriteAllText(Path.Combine(_folder, "twinning.conf"), ExampleForThisTest());
        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/twinning.conf;
            }
            """);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx"
            : throw new InvalidOperationException("This test needs nginx from Debian's packages (apt-get install nginx); .ci/run installs it.");
        _nginx = Process.Start(new ProcessStartInfo(nginx, ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf")])
        {
            RedirectStandardError = true,
        })!;
        await WaitForPortAsync(_httpsPort);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Called twice by xunit (as IAsyncLifetime and as IDisposable); the second call finds nothing left to do.</summary>
    public void Dispose()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill();
            _nginx.WaitForExit();
        }
        _nginx?.Dispose();
        _nginx = null!;
        _app?.Dispose();
        _certificate?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The committed example with the test's ports, upstream and certificate; fails if those lines moved.</summary>
    private string ExampleForThisTest()
    {
        var example = File.ReadAllText(Repository.PathOf("deploy", "nginx", "twinning.conf"));
        string[] lines = ["server 127.0.0.1:5080;", "listen 80;", "listen [::]:80;", "listen 443 ssl http2;", "listen [::]:443 ssl http2;",
            $"/etc/letsencrypt/live/{SiteHost}/fullchain.pem", $"/etc/letsencrypt/live/{SiteHost}/privkey.pem"];
        foreach (var line in lines)
        {
            Assert.Contains(line, example, StringComparison.Ordinal);
        }
        return example
            .Replace("server 127.0.0.1:5080;", $"server 127.0.0.1:{_sitePort};", StringComparison.Ordinal)
            .Replace("listen [::]:80;", "", StringComparison.Ordinal)
            .Replace("listen [::]:443 ssl http2;", "", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{_httpPort};", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{_httpsPort} ssl http2;", StringComparison.Ordinal)
            .Replace($"/etc/letsencrypt/live/{SiteHost}/fullchain.pem", Path.Combine(_folder, "cert.pem"), StringComparison.Ordinal)
            .Replace($"/etc/letsencrypt/live/{SiteHost}/privkey.pem", Path.Combine(_folder, "key.pem"), StringComparison.Ordinal);
    }

    /// <summary>A client that reaches nginx for the site's name, trusting only the test's certificate.</summary>
    public HttpClient ClientThroughNginx() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            var port = context.DnsEndPoint.Port == 443 ? _httpsPort : _httpPort;
            await socket.ConnectAsync(IPAddress.Loopback, port, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        },
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString(),
        },
    });

    private X509Certificate2 WriteSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={SiteHost}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(SiteHost);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(_folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_nginx.HasExited)
            {
                throw new InvalidOperationException("nginx stopped: " + await _nginx.StandardError.ReadToEndAsync());
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"nginx did not listen on {port}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
