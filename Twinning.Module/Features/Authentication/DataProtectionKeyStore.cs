using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Authentication;

/// <summary>
/// Keeps ASP.NET Core's data protection keys (which protect the editors' sign-in cookie and anti-forgery
/// tokens) in the site's database, so every instance over the same database accepts the same cookies and a
/// restart signs nobody out.
/// </summary>
public sealed class DataProtectionKeyStore(IServiceScopeFactory scopes) : IXmlRepository
{
    private const string DocumentName = "DataProtectionKeys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
        var content = db.Documents.AsNoTracking().Where(d => d.Name == DocumentName).Select(d => d.Content).FirstOrDefault();
        return Read(content).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
        var record = db.Documents.FirstOrDefault(d => d.Name == DocumentName);
        var keys = Read(record?.Content);
        keys.Add(element.ToString(SaveOptions.DisableFormatting));
        var content = System.Text.Json.JsonSerializer.Serialize(keys);
        if (record is null)
        {
            db.Documents.Add(new DocumentRecord { Name = DocumentName, Version = 1, Content = content });
        }
        else
        {
            record.Content = content;
            record.Version++;
        }
        db.SaveChanges();
    }

    private static List<string> Read(string? content)
        => content is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<string>>(content) ?? [];
}
