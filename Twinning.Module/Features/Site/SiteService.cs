using System.Text.Json;
using System.Text.Json.Nodes;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Site;

public sealed class SiteService(DocumentStore documents, IAuditLog audit)
{
    public Task<SiteSettings> GetAsync() => documents.GetAsync<SiteSettings>(DocumentNames.Site);

    public Task<SiteSettings> LoadAsync() => documents.LoadAsync<SiteSettings>(DocumentNames.Site);

    /// <summary>Stores the settings, recorded in the audit log with the names (never the values) of what changed.</summary>
    public async Task<int> SaveAsync(SiteSettings settings)
    {
        var before = JsonSerializer.SerializeToNode(await LoadAsync(), DocumentStore.JsonOptions)!.AsObject();
        var after = JsonSerializer.SerializeToNode(settings, DocumentStore.JsonOptions)!.AsObject();
        var changed = after.Where(p => !JsonNode.DeepEquals(p.Value, before[p.Key])).Select(p => p.Key).ToList();
        if (changed.Count > 0)
        {
            audit.Record(AuditActions.SiteSettingsChanged, "Site", "Changed: " + string.Join(", ", changed) + ".");
        }
        return await documents.SaveAsync(DocumentNames.Site, settings);
    }
}
