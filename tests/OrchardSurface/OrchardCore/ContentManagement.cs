namespace OrchardCore.ContentManagement
{
    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/ContentElement.cs
    public class ContentElement
    {
        public dynamic Content => throw new NotSupportedException();
    }

    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/ContentItem.cs
    public class ContentItem : ContentElement
    {
        public string ContentItemId { get; set; }
        public string ContentItemVersionId { get; set; }
        public string ContentType { get; set; }
        public bool Published { get; set; }
        public bool Latest { get; set; }
        public DateTime? ModifiedUtc { get; set; }
        public DateTime? PublishedUtc { get; set; }
        public DateTime? CreatedUtc { get; set; }
        public string Owner { get; set; }
        public string Author { get; set; }
        public string DisplayText { get; set; }
    }

    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/VersionOptions.cs
    public class VersionOptions
    {
        public static readonly VersionOptions Published;
    }

    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/IContentManager.cs
    public interface IContentManager
    {
        Task<ContentItem> GetAsync(string contentItemId, VersionOptions options = null);
    }
}

namespace OrchardCore.ContentManagement.Handlers
{
    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/Handlers/IContentHandler.cs
    public interface IContentHandler
    {
    }

    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/Handlers/ContentHandlerBase.cs
    public abstract class ContentHandlerBase : IContentHandler
    {
        public virtual Task ValidatingAsync(ValidateContentContext context) => throw new NotSupportedException();
    }

    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/Handlers/ContentContextBase.cs
    public class ContentContextBase
    {
        public ContentItem ContentItem => throw new NotSupportedException();
    }

    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/Handlers/ValidateContentContext.cs
    public class ValidateContentContext : ContentContextBase
    {
    }

    // Source: src/OrchardCore/OrchardCore.ContentManagement.Abstractions/Handlers/ValidateContentContext.cs
    public static class ValidateContentContextExtensions
    {
        public static void Fail(this ValidateContentContext context, string errorMessage, params string[] memberNames)
            => throw new NotSupportedException();
    }
}

namespace OrchardCore.ContentManagement.Records
{
    using YesSql.Indexes;

    // Source: src/OrchardCore/OrchardCore.ContentManagement/Records/ContentItemIndex.cs
    public class ContentItemIndex : MapIndex
    {
        public string ContentItemId { get; set; }
        public bool Published { get; set; }
        public bool Latest { get; set; }
        public string ContentType { get; set; }
    }
}

namespace OrchardCore.ContentLocalization.Records
{
    using YesSql.Indexes;

    // Source: src/OrchardCore/OrchardCore.ContentLocalization.Abstractions/Records/LocalizedContentItemIndex.cs
    public class LocalizedContentItemIndex : MapIndex
    {
        public string Culture { get; set; }
    }
}

namespace OrchardCore.Lists.Indexes
{
    using YesSql.Indexes;

    // Source: src/OrchardCore.Modules/OrchardCore.Lists/Indexes/ContainedPartIndex.cs
    public class ContainedPartIndex : MapIndex
    {
        public string ListContentItemId { get; set; }
        public int Order { get; set; }
    }
}
