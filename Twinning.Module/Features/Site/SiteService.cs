using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Site;

public sealed class SiteService(DocumentStore documents)
{
    public Task<SiteSettings> GetAsync() => documents.GetAsync<SiteSettings>(DocumentNames.Site);

    public Task<SiteSettings> LoadAsync() => documents.LoadAsync<SiteSettings>(DocumentNames.Site);

    public Task<int> SaveAsync(SiteSettings settings) => documents.SaveAsync(DocumentNames.Site, settings);
}
