using Microsoft.Extensions.Options;

namespace Twinning.Module.Features.Authentication;

/// <summary>The <c>Twinning:Api</c> section: API clients kept in configuration and synced at start-up.</summary>
public sealed class ApiOptions
{
    public const string Section = "Twinning:Api";

    public List<ApiClientOptions> Clients { get; set; } = [];

    /// <summary>Whether <c>/connect/token</c> refuses plain HTTP. Off by default because the site listens on HTTP
    /// behind a TLS-terminating proxy; turn it on when Kestrel itself serves HTTPS.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>The issuer written into tokens; by default the address the token was requested on. Set it when
    /// several instances answer under different host names.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>The largest body <c>POST /api/content</c> reads, in bytes; a larger one is answered 413. Ten megabytes hold
    /// far more than any content item; raise it only for items that embed unusually large texts.</summary>
    public long MaxRequestBodySize { get; set; } = 10_000_000;
}

/// <summary>A confidential client allowed the client credentials flow, with the roles its tokens carry.</summary>
public sealed class ApiClientOptions
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string? DisplayName { get; set; }
    public List<string> Roles { get; set; } = [];
}

/// <summary>The <c>Twinning:Cors</c> section: browser origins allowed to call <c>/api/*</c>. None by default.</summary>
public sealed class ApiCorsOptions
{
    public const string Section = "Twinning:Cors";

    public List<string> AllowedOrigins { get; set; } = [];
}

/// <summary>Stops start-up on a configured client that could never get a token.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                failures.Add($"Twinning:Api:Clients:{i}:ClientId is required.");
            }
            if (string.IsNullOrWhiteSpace(client.ClientSecret))
            {
                failures.Add($"Twinning:Api:Clients:{i}:ClientSecret is required.");
            }
        }
        if (options.MaxRequestBodySize < 1)
        {
            failures.Add("Twinning:Api:MaxRequestBodySize must be a positive number of bytes.");
        }
        var duplicates = options.Clients.GroupBy(c => c.ClientId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(d => $"Twinning:Api:Clients lists the client '{d}' more than once."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
