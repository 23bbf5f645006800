using System.Security.Cryptography;
using Twinning.Module.Features.Authentication;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>
/// Two RSA keys made once per test process and handed out in turn (as copies) to every site a test builds, unless it
/// sets <see cref="TwinningApplication.GeneratesApiKeys"/>. Making the two keys of each site was a third of the test
/// host's CPU; sites still store, protect and load their keys as in production. Tests about keys themselves (stored,
/// surviving a restart, one site refusing another's tokens) make real ones.
/// </summary>
public sealed class ReusedApiKeys : IApiKeyGenerator
{
    public static readonly ReusedApiKeys Instance = new();

    private readonly Lazy<RSAParameters[]> _keys = new(() => [Make(), Make()]);
    private int _next;

    public RSA Create() => RSA.Create(_keys.Value[Interlocked.Increment(ref _next) % 2]);

    private static RSAParameters Make()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(includePrivateParameters: true);
    }
}
