using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Conversion;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Shapes;
using Twinning.Module.Features.ContentFields;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.GraphQL;

/// <summary>
/// Builds the GraphQL schema from the content definitions in Orchard Core's shape: a list field per content type
/// without a stereotype, parts as fields named by Orchard's rule, the type's own part collapsed onto the item,
/// field objects as Orchard's. Twinning's additions sit beside that shape: counts, field-value filters and order,
/// reverse references, locale fallback.
/// </summary>
public sealed class ContentSchemaBuilder
{
    public const string PreviewContent = "PreviewContent";

    private readonly ContentDefinitionDocument _definitions;
    private readonly InterfaceGraphType _contentItem = new() { Name = "ContentItem", Description = "A content item of any type." };
    private readonly Dictionary<string, ObjectGraphType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IGraphType> _shared = new(StringComparer.Ordinal);
    private readonly EnumerationGraphType _status = new() { Name = "PublicationStatus" };
    private readonly EnumerationGraphType _direction = new() { Name = "OrderByDirection" };

    private static readonly (string Name, ContentColumn Column, Type Graph)[] FilterColumns =
    [
        ("contentItemId", ContentColumn.ContentItemId, typeof(StringGraphType)),
        ("contentItemVersionId", ContentColumn.ContentItemVersionId, typeof(StringGraphType)),
        ("displayText", ContentColumn.DisplayText, typeof(StringGraphType)),
        ("createdUtc", ContentColumn.CreatedUtc, typeof(DateTimeGraphType)),
        ("modifiedUtc", ContentColumn.ModifiedUtc, typeof(DateTimeGraphType)),
        ("publishedUtc", ContentColumn.PublishedUtc, typeof(DateTimeGraphType)),
        ("owner", ContentColumn.Owner, typeof(StringGraphType)),
        ("author", ContentColumn.Author, typeof(StringGraphType)),
    ];

    private ContentSchemaBuilder(ContentDefinitionDocument definitions)
    {
        _definitions = definitions;
        _status.Add("PUBLISHED", PublicationStatus.Published, "The published version (default).");
        _status.Add("DRAFT", PublicationStatus.Draft, "The latest version of items whose latest version is not published.");
        _status.Add("LATEST", PublicationStatus.Latest, "The latest version, draft or published.");
        _status.Add("ALL", PublicationStatus.All, "Every version.");
        _direction.Add("ASC", "ASC");
        _direction.Add("DESC", "DESC");
    }

    public static Schema Build(ContentDefinitionDocument definitions) => new ContentSchemaBuilder(definitions).Build();

    private Schema Build()
    {
        AddCommonFields(_contentItem, resolve: false);
        _contentItem.ResolveType = o => o is ContentItem item && _types.TryGetValue(item.ContentType, out var t) ? t : null;
        foreach (var type in _definitions.ContentTypeDefinitionRecords)
        {
            _types[type.Name] = new ObjectGraphType { Name = type.Name, Description = type.DisplayName };
        }
        foreach (var type in _definitions.ContentTypeDefinitionRecords)
        {
            FillType(type, _types[type.Name]);
        }

        var query = new ObjectGraphType { Name = "Query" };
        foreach (var type in _definitions.ContentTypeDefinitionRecords.Where(t => string.IsNullOrEmpty(t.TypeSettings.Stereotype)))
        {
            AddRootFields(query, type);
        }
        query.AddField(new FieldType
        {
            Name = "contentItem",
            Description = "A published content item by id.",
            ResolvedType = _contentItem,
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "contentItemId" }),
            Resolver = new FuncFieldResolver<object?>(context =>
            {
                var request = GraphQLRequestContext.Of(context);
                return request.Loader.Published(context.GetArgument<string>("contentItemId"))
                    .Then(async items => FirstOf(await request.VisibleAsync(items)));
            }),
        });

        // Names as written: Orchard's AND/OR/NOT, type-named fields; GraphQL.NET would otherwise camelCase them.
        var schema = new Schema { Query = query, NameConverter = DefaultNameConverter.Instance };
        schema.RegisterType(_contentItem);
        foreach (var type in _types.Values)
        {
            schema.RegisterType(type);
        }
        return schema;
    }

    private static string Camel(string name) => ContentFieldCatalog.CamelCase(name);

    // ---- items ----

    private static void AddCommonFields(IComplexGraphType type, bool resolve)
    {
        void Add<TGraph>(string name, Func<ContentItem, object?> value) where TGraph : IGraphType
            => type.AddField(new FieldType
            {
                Name = name,
                Type = typeof(TGraph),
                Resolver = resolve ? new FuncFieldResolver<object?>(c => c.Source is ContentItem i ? value(i) : null) : null,
            });
        Add<NonNullGraphType<StringGraphType>>("contentItemId", i => i.ContentItemId);
        Add<NonNullGraphType<StringGraphType>>("contentItemVersionId", i => i.ContentItemVersionId);
        Add<NonNullGraphType<StringGraphType>>("contentType", i => i.ContentType);
        Add<StringGraphType>("displayText", i => i.DisplayText);
        Add<NonNullGraphType<BooleanGraphType>>("published", i => i.Published);
        Add<NonNullGraphType<BooleanGraphType>>("latest", i => i.Latest);
        Add<DateTimeGraphType>("modifiedUtc", i => i.ModifiedUtc);
        Add<DateTimeGraphType>("publishedUtc", i => i.PublishedUtc);
        Add<DateTimeGraphType>("createdUtc", i => i.CreatedUtc);
        Add<StringGraphType>("owner", i => i.Owner);
        Add<StringGraphType>("author", i => i.Author);
        Add<StringGraphType>("servedCulture", i => Text(i.Part("LocalizationPart")?["Culture"]));
    }

    private void FillType(ContentTypeDefinition type, ObjectGraphType graph)
    {
        var name = type.Name;
        graph.IsTypeOf = o => o is ContentItem item && item.ContentType == name;
        AddCommonFields(graph, resolve: true);
        graph.AddResolvedInterface(_contentItem);
        _contentItem.AddPossibleType(graph);
        var taken = new HashSet<string>(graph.Fields.Select(f => f.Name), StringComparer.Ordinal);

        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var instance = typePart.Name;
            if (instance == type.Name)
            {
                // The type's own part: its fields appear directly on the item (Orchard's collapsing).
                foreach (var field in _definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
                {
                    if (FieldOf(field, c => c.Source is ContentItem i ? (i, i.Part(instance)) : (null, null)) is { } f && taken.Add(f.Name))
                    {
                        graph.AddField(f);
                    }
                }
                continue;
            }
            var fieldName = ContentFieldCatalog.PartFieldName(instance);
            if (PartField(typePart, fieldName) is { } partField && taken.Add(partField.Name))
            {
                graph.AddField(partField);
            }
        }

        // Orchard's ContainedPart shape: a field named after each list type that may contain this type.
        foreach (var list in _definitions.ContentTypeDefinitionRecords)
        {
            foreach (var listPart in list.PartsOfKind("ListPart"))
            {
                var contained = listPart.Settings["ListPartSettings"]?["ContainedContentTypes"] as JsonArray ?? [];
                if (contained.Any(t => Text(t) == type.Name) && taken.Add(Camel(list.Name)))
                {
                    var listType = list.Name;
                    graph.AddField(new FieldType
                    {
                        Name = Camel(list.Name),
                        Description = $"Where this item sits in its {list.Name}.",
                        ResolvedType = ContainedPartType(),
                        Resolver = new FuncFieldResolver<object?>(c => c.Source is ContentItem i && i.Part("ContainedPart") is { } p
                            && (Text(p["ListContentType"]) ?? listType) == listType ? new PartSource(i, p) : null),
                    });
                }
            }
        }

        if (string.IsNullOrEmpty(type.TypeSettings.Stereotype) && taken.Add("referencedBy"))
        {
            graph.AddField(new FieldType
            {
                Name = "referencedBy",
                Description = "Published items whose content picker or taxonomy fields refer to this item (Twinning).",
                ResolvedType = new ListGraphType(_contentItem),
                Arguments = new QueryArguments(new QueryArgument<StringGraphType> { Name = "contentType" }),
                Resolver = new FuncFieldResolver<object?>(c =>
                {
                    var request = GraphQLRequestContext.Of(c);
                    var item = (ContentItem)c.Source!;
                    return request.Loader.Referencing(item.ContentItemId, c.GetArgument<string?>("contentType"))
                        .Then(async items => await request.VisibleAsync(items.Where(i => _types.ContainsKey(i.ContentType))));
                }),
            });
        }
    }

    // ---- root fields ----

    private void AddRootFields(ObjectGraphType query, ContentTypeDefinition type)
    {
        var targets = new Dictionary<string, WhereTarget>(StringComparer.Ordinal);
        var where = WhereInput(type, targets);
        var (orderBy, orderKeys) = OrderByInput(type);
        var contentType = type.Name;
        var listField = Camel(type.Name);

        query.AddField(new FieldType
        {
            Name = listField,
            Description = $"{type.DisplayName ?? type.Name} items.",
            ResolvedType = new ListGraphType(_types[type.Name]),
            Arguments = new QueryArguments(
                new QueryArgument(where) { Name = "where" },
                new QueryArgument(orderBy) { Name = "orderBy" },
                new QueryArgument<IntGraphType> { Name = "first" },
                new QueryArgument<IntGraphType> { Name = "skip" },
                new QueryArgument(_status) { Name = "status", DefaultValue = PublicationStatus.Published },
                new QueryArgument<StringGraphType> { Name = "culture", Description = "For each localization set, the version in this culture, else in the site's default culture, else any (Twinning)." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var spec = await SpecAsync(c, contentType, targets);
                spec.Order.AddRange(ContentFilterInput.OrderBy(c, orderKeys));
                spec.Skip = c.GetArgument("skip", 0);
                var queries = c.RequestServices!.GetRequiredService<ContentQuery>();
                try
                {
                    spec.Take = queries.PageSize(c.GetArgument<int?>("first"), "first");
                    if (spec.Skip < 0)
                    {
                        throw new ContentQueryException("skip", "skip must not be negative.");
                    }
                    return await queries.ListAsync(spec, c.CancellationToken);
                }
                catch (ContentQueryException e)
                {
                    throw new ExecutionError(e.Message);
                }
            }),
        });

        query.AddField(new FieldType
        {
            Name = listField + "Count",
            Description = $"How many {type.Name} items match (Twinning).",
            Type = typeof(NonNullGraphType<IntGraphType>),
            Arguments = new QueryArguments(
                new QueryArgument(where) { Name = "where" },
                new QueryArgument(_status) { Name = "status", DefaultValue = PublicationStatus.Published },
                new QueryArgument<StringGraphType> { Name = "culture" }),
            Resolver = new FuncFieldResolver<object?>(async c =>
                await c.RequestServices!.GetRequiredService<ContentQuery>().CountAsync(await SpecAsync(c, contentType, targets), c.CancellationToken)),
        });
    }

    private static async Task<ContentQuerySpec> SpecAsync(IResolveFieldContext c, string contentType, Dictionary<string, WhereTarget> targets)
    {
        var status = c.GetArgument("status", PublicationStatus.Published);
        var spec = new ContentQuerySpec { ContentType = contentType, Status = status };
        switch (await ContentListAccess.LimitAsync(c.RequestServices!.GetRequiredService<IAuthorizationService>(), GraphQLRequestContext.Of(c).User, spec, [contentType]))
        {
            case PreviewContent:
                throw new ExecutionError($"Reading {status.ToString().ToUpperInvariant()} versions of {contentType} items needs the '{PreviewContent}' permission, or '{Permissions.PreviewOwnContent}' for the caller's own items.") { Code = "PERMISSION_DENIED" };
            case { } missing:
                throw new ExecutionError($"Reading {contentType} items needs the '{missing}' permission, or '{Permissions.OwnerVariant(missing)}' for the caller's own items.") { Code = "PERMISSION_DENIED" };
        }
        spec.Filter = ContentFilterInput.Where(c.GetArgument<object?>("where"), targets);
        if (c.GetArgument<string?>("culture") is { Length: > 0 } culture)
        {
            spec.PreferredCulture = culture;
            spec.DefaultCulture = (await c.RequestServices!.GetRequiredService<SiteService>().GetAsync()).LocalizationSettings.DefaultCulture;
        }
        return spec;
    }

    private InputObjectGraphType WhereInput(ContentTypeDefinition type, Dictionary<string, WhereTarget> targets)
    {
        var input = new InputObjectGraphType { Name = type.Name + "WhereInput" };
        foreach (var (name, column, graph) in FilterColumns)
        {
            foreach (var (suffix, op) in ContentFilterInput.Suffixes)
            {
                if (graph != typeof(StringGraphType) && IsTextOperator(op))
                {
                    continue;
                }
                AddInput(input, name + suffix, graph, op);
                targets[name + suffix] = new WhereTarget(column, null, op, graph == typeof(DateTimeGraphType));
            }
        }
        foreach (var field in ContentFieldCatalog.OwnFields(_definitions, type.Name))
        {
            var graph = field.FieldType switch
            {
                "NumericField" => typeof(DecimalGraphType),
                "BooleanField" => typeof(BooleanGraphType),
                "DateField" => typeof(DateGraphType),
                "DateTimeField" => typeof(DateTimeGraphType),
                _ => typeof(StringGraphType),
            };
            foreach (var (suffix, op) in ContentFilterInput.Suffixes)
            {
                var allowed = field.Reference.Kind switch
                {
                    FieldValueKind.Text => true,
                    FieldValueKind.Boolean => op is FilterOperator.Eq or FilterOperator.Not,
                    _ => !IsTextOperator(op),
                };
                if (allowed && !targets.ContainsKey(field.Name + suffix))
                {
                    AddInput(input, field.Name + suffix, graph, op);
                    targets[field.Name + suffix] = new WhereTarget(null, field.Reference, op, graph != typeof(StringGraphType));
                }
            }
        }
        if (type.HasPart("LocalizationPart"))
        {
            input.AddField(new FieldType { Name = "localization", ResolvedType = Shared("LocalizationWhereInput", () =>
            {
                var localization = new InputObjectGraphType { Name = "LocalizationWhereInput" };
                localization.AddField(new FieldType { Name = "culture", Type = typeof(StringGraphType) });
                localization.AddField(new FieldType { Name = "localizationSet", Type = typeof(StringGraphType) });
                return localization;
            }) });
        }
        var list = new ListGraphType(new GraphQLTypeReference(input.Name));
        input.AddField(new FieldType { Name = "AND", ResolvedType = list });
        input.AddField(new FieldType { Name = "OR", ResolvedType = list });
        input.AddField(new FieldType { Name = "NOT", ResolvedType = list });
        return input;
    }

    private static bool IsTextOperator(FilterOperator op) => op is FilterOperator.Contains or FilterOperator.NotContains
        or FilterOperator.StartsWith or FilterOperator.NotStartsWith or FilterOperator.EndsWith or FilterOperator.NotEndsWith;

    private static void AddInput(InputObjectGraphType input, string name, Type graph, FilterOperator op)
        => input.AddField(new FieldType
        {
            Name = name,
            Type = op is FilterOperator.In or FilterOperator.NotIn ? typeof(ListGraphType<>).MakeGenericType(graph) : graph,
        });

    private (InputObjectGraphType Input, Dictionary<string, WhereTarget> Keys) OrderByInput(ContentTypeDefinition type)
    {
        var input = new InputObjectGraphType { Name = type.Name + "OrderByInput" };
        var keys = new Dictionary<string, WhereTarget>(StringComparer.Ordinal);
        foreach (var (name, column) in ContentListApi.OrderableColumns)
        {
            input.AddField(new FieldType { Name = name, ResolvedType = _direction });
            keys[name] = new WhereTarget(column, null, FilterOperator.Eq, false);
        }
        foreach (var field in ContentFieldCatalog.OwnFields(_definitions, type.Name).Where(f => !keys.ContainsKey(f.Name)))
        {
            input.AddField(new FieldType { Name = field.Name, ResolvedType = _direction });
            keys[field.Name] = new WhereTarget(null, field.Reference, FilterOperator.Eq, false);
        }
        return (input, keys);
    }

    // ---- parts ----

    private sealed record PartSource(ContentItem Item, JsonObject? Part);

    private sealed record FieldSource(ContentItem Item, JsonObject Field);

    private FieldType? PartField(ContentTypePartDefinition typePart, string fieldName)
    {
        var instance = typePart.Name;
        FieldType Part(IGraphType graph) => new()
        {
            Name = fieldName,
            ResolvedType = graph,
            Resolver = new FuncFieldResolver<object?>(c => c.Source is ContentItem i && i.Part(instance) is { } p ? new PartSource(i, p) : null),
        };
        switch (typePart.PartName)
        {
            case "TitlePart":
                return Part(Simple("TitlePart", ("title", "Title")));
            case "AutoroutePart":
                return Part(Simple("AutoroutePart", ("path", "Path")));
            case "HtmlBodyPart":
                return Part(Simple("HtmlBodyPart", ("html", "Html")));
            case "MarkdownBodyPart":
                return Part(Simple("MarkdownBodyPart", ("markdown", "Markdown")));
            case "AliasPart":
                return Part(Simple("AliasPart", ("alias", "Alias")));
            case "BagPart":
                return Part(Shared("BagPart", () =>
                {
                    var bag = new ObjectGraphType { Name = "BagPart" };
                    bag.AddField(ItemsField("contentItems", defaultFirst: null, c =>
                        Task.FromResult<IReadOnlyList<ContentItem>>(((c.Source as PartSource)?.Part?["ContentItems"] as JsonArray ?? [])
                            .OfType<JsonObject>().Select(ContentItemJsonConverter.FromJson).ToList())));
                    return bag;
                }));
            case "ListPart":
                return Part(Shared("ListPart", () =>
                {
                    var list = new ObjectGraphType { Name = "ListPart" };
                    list.AddField(DeferredItemsField("contentItems", defaultFirst: 10,
                        c => GraphQLRequestContext.Of(c).Loader.Children(((PartSource)c.Source!).Item.ContentItemId)));
                    return list;
                }));
            case "LocalizationPart":
                return Part(Shared("LocalizationPart", () =>
                {
                    var localization = new ObjectGraphType { Name = "LocalizationPart" };
                    localization.AddField(new FieldType { Name = "culture", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => Text((c.Source as PartSource)?.Part?["Culture"])) });
                    localization.AddField(new FieldType { Name = "localizationSet", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => Text((c.Source as PartSource)?.Part?["LocalizationSet"])) });
                    localization.AddField(new FieldType
                    {
                        Name = "localizations",
                        Description = "The published versions of the localization set, or the one in the given culture.",
                        ResolvedType = new ListGraphType(_contentItem),
                        Arguments = new QueryArguments(new QueryArgument<StringGraphType> { Name = "culture" }),
                        Resolver = new FuncFieldResolver<object?>(c =>
                        {
                            var request = GraphQLRequestContext.Of(c);
                            var set = Text((c.Source as PartSource)?.Part?["LocalizationSet"]);
                            var culture = c.GetArgument<string?>("culture");
                            if (set is null)
                            {
                                return Array.Empty<ContentItem>();
                            }
                            return request.Loader.Localizations(set).Then(async items => await request.VisibleAsync(items.Where(i =>
                                _types.ContainsKey(i.ContentType) && (culture is null || Text(i.Part("LocalizationPart")?["Culture"]) == culture))));
                        }),
                    });
                    return localization;
                }));
            case "TaxonomyPart":
                return Part(Shared("TaxonomyPart", () =>
                {
                    var taxonomy = new ObjectGraphType { Name = "TaxonomyPart" };
                    taxonomy.AddField(new FieldType { Name = "termContentType", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => Text((c.Source as PartSource)?.Part?["TermContentType"])) });
                    taxonomy.AddField(ItemsField("terms", defaultFirst: null, c =>
                        Task.FromResult<IReadOnlyList<ContentItem>>(((c.Source as PartSource)?.Part?["Terms"] as JsonArray ?? [])
                            .OfType<JsonObject>().Select(ContentItemJsonConverter.FromJson).ToList())));
                    return taxonomy;
                }));
            default:
                var fields = _definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [];
                if (fields.Count == 0)
                {
                    return null;
                }
                return Part(Shared("part:" + typePart.PartName, () =>
                {
                    var part = new ObjectGraphType { Name = _types.ContainsKey(typePart.PartName) ? typePart.PartName + "Part" : typePart.PartName };
                    foreach (var field in fields)
                    {
                        if (FieldOf(field, c => c.Source is PartSource p ? (p.Item, p.Part) : (null, null)) is { } f && part.GetField(f.Name) is null)
                        {
                            part.AddField(f);
                        }
                    }
                    return part;
                }));
        }
    }

    private ObjectGraphType ContainedPartType() => (ObjectGraphType)Shared("ContainedPart", () =>
    {
        var contained = new ObjectGraphType { Name = "ContainedPart" };
        contained.AddField(new FieldType { Name = "listContentItemId", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => Text((c.Source as PartSource)?.Part?["ListContentItemId"])) });
        contained.AddField(new FieldType { Name = "listContentType", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => Text((c.Source as PartSource)?.Part?["ListContentType"])) });
        contained.AddField(new FieldType { Name = "order", Type = typeof(IntGraphType), Resolver = new FuncFieldResolver<object?>(c => (c.Source as PartSource)?.Part?["Order"] is JsonValue v && v.TryGetValue<int>(out var o) ? o : null) });
        contained.AddField(new FieldType
        {
            Name = "listContentItem",
            ResolvedType = _contentItem,
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var request = GraphQLRequestContext.Of(c);
                var id = Text((c.Source as PartSource)?.Part?["ListContentItemId"]);
                return id is null ? null : request.Loader.Published(id).Then(async items => FirstOf(await request.VisibleAsync(items)));
            }),
        });
        return contained;
    });

    private IGraphType Simple(string name, params (string Field, string Member)[] members) => Shared(name, () =>
    {
        var graph = new ObjectGraphType { Name = name };
        foreach (var (field, member) in members)
        {
            graph.AddField(new FieldType { Name = field, Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => Text((c.Source as PartSource)?.Part?[member])) });
        }
        return graph;
    });

    private IGraphType Shared(string key, Func<IGraphType> create)
    {
        if (!_shared.TryGetValue(key, out var graph))
        {
            graph = create();
            _shared[key] = graph;
        }
        return graph;
    }

    /// <summary>A list of items with <c>first</c>/<c>skip</c>, only of types the schema knows and the caller may view.</summary>
    private FieldType ItemsField(string name, int? defaultFirst, Func<IResolveFieldContext, Task<IReadOnlyList<ContentItem>>> items)
        => ItemsField(name, defaultFirst, items, null);

    /// <summary>Keys are asked for when the field resolves and loaded when the level's deferred results are read.</summary>
    private FieldType DeferredItemsField(string name, int? defaultFirst, Func<IResolveFieldContext, Deferred<IReadOnlyList<ContentItem>>> items)
        => ItemsField(name, defaultFirst, null, items);

    private FieldType ItemsField(string name, int? defaultFirst, Func<IResolveFieldContext, Task<IReadOnlyList<ContentItem>>>? items,
        Func<IResolveFieldContext, Deferred<IReadOnlyList<ContentItem>>>? deferred)
    {
        var first = new QueryArgument<IntGraphType> { Name = "first" };
        var skip = new QueryArgument<IntGraphType> { Name = "skip" };
        if (defaultFirst is not null)
        {
            first.DefaultValue = defaultFirst;
            skip.DefaultValue = 0;
        }
        async Task<object?> Page(IResolveFieldContext c, IReadOnlyList<ContentItem> all)
        {
            var queries = c.RequestServices!.GetRequiredService<ContentQuery>();
            int take;
            try
            {
                take = queries.PageSize(c.GetArgument<int?>("first"), "first");
            }
            catch (ContentQueryException e)
            {
                throw new ExecutionError(e.Message);
            }
            var visible = await GraphQLRequestContext.Of(c).VisibleAsync(all.Where(i => _types.ContainsKey(i.ContentType)));
            return visible.Skip(Math.Max(0, c.GetArgument("skip", 0))).Take(take).ToList();
        }
        return new FieldType
        {
            Name = name,
            ResolvedType = new ListGraphType(_contentItem),
            Arguments = new QueryArguments(first, skip),
            Resolver = deferred is not null
                ? new FuncFieldResolver<object?>(c => deferred(c).Then(all => Page(c, all)))
                : new FuncFieldResolver<object?>(async c => await Page(c, await items!(c))),
        };
    }

    // ---- fields ----

    private FieldType? FieldOf(ContentPartFieldDefinition field, Func<IResolveFieldContext, (ContentItem? Item, JsonObject? Part)> locate)
    {
        var name = Camel(field.Name);
        var member = field.Name;
        JsonObject? Value(IResolveFieldContext c) => locate(c).Part?[member] as JsonObject;
        FieldSource? Source(IResolveFieldContext c) => locate(c) is ({ } item, { } part) && part[member] is JsonObject f ? new FieldSource(item, f) : null;
        FieldType Scalar(Type graph, Func<JsonObject, object?> read) => new()
        {
            Name = name,
            Type = graph,
            Resolver = new FuncFieldResolver<object?>(c => Value(c) is { } v ? read(v) : null),
        };
        FieldType Object(IGraphType graph) => new() { Name = name, ResolvedType = graph, Resolver = new FuncFieldResolver<object?>(c => Source(c)) };

        return field.FieldName switch
        {
            "TextField" => Scalar(typeof(StringGraphType), v => Text(v["Text"])),
            "NumericField" => Scalar(typeof(DecimalGraphType), v => v["Value"] is JsonValue n && n.TryGetValue<decimal>(out var d) ? d : null),
            "BooleanField" => Scalar(typeof(BooleanGraphType), v => v["Value"] is JsonValue b && b.TryGetValue<bool>(out var x) ? x : null),
            "DateField" => Scalar(typeof(DateGraphType), v => Text(v["Value"]) is { } t && FieldValues.ParseDate(t) is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null),
            "DateTimeField" => Scalar(typeof(DateTimeGraphType), v => Text(v["Value"]) is { } t ? FieldValues.ParseUtc(t) : null),
            "TimeField" => Scalar(typeof(StringGraphType), v => Text(v["Value"])),
            "MultiTextField" => Scalar(typeof(ListGraphType<StringGraphType>), v => Strings(v["Values"])),
            "HtmlField" => Object(FieldObject("HtmlField", ("html", "Html"))),
            "MarkdownField" => Object(FieldObject("MarkdownField", ("markdown", "Markdown"))),
            "LinkField" => Object(FieldObject("LinkField", ("url", "Url"), ("text", "Text"), ("target", "Target"))),
            "GeoPointField" => Object(Shared("GeoPointField", () =>
            {
                var geo = new ObjectGraphType { Name = "GeoPointField" };
                geo.AddField(new FieldType { Name = "latitude", Type = typeof(DecimalGraphType), Resolver = new FuncFieldResolver<object?>(c => Decimal((c.Source as FieldSource)?.Field["Latitude"])) });
                geo.AddField(new FieldType { Name = "longitude", Type = typeof(DecimalGraphType), Resolver = new FuncFieldResolver<object?>(c => Decimal((c.Source as FieldSource)?.Field["Longitude"])) });
                return geo;
            })),
            "ContentPickerField" => Object(Shared("ContentPickerField", () =>
            {
                var picker = new ObjectGraphType { Name = "ContentPickerField" };
                picker.AddField(new FieldType { Name = "contentItemIds", Type = typeof(ListGraphType<StringGraphType>), Resolver = new FuncFieldResolver<object?>(c => Strings((c.Source as FieldSource)?.Field["ContentItemIds"])) });
                picker.AddField(DeferredItemsField("contentItems", defaultFirst: null, c => Published(c, Strings((c.Source as FieldSource)?.Field["ContentItemIds"]))));
                return picker;
            })),
            "TaxonomyField" => Object(Shared("TaxonomyField", () =>
            {
                var taxonomy = new ObjectGraphType { Name = "TaxonomyField" };
                taxonomy.AddField(new FieldType { Name = "termContentItemIds", Type = typeof(ListGraphType<StringGraphType>), Resolver = new FuncFieldResolver<object?>(c => Strings((c.Source as FieldSource)?.Field["TermContentItemIds"])) });
                taxonomy.AddField(new FieldType { Name = "taxonomyContentItemId", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => Text((c.Source as FieldSource)?.Field["TaxonomyContentItemId"])) });
                taxonomy.AddField(new FieldType
                {
                    Name = "taxonomyContentItem",
                    ResolvedType = _contentItem,
                    Resolver = new FuncFieldResolver<object?>(c =>
                    {
                        var id = Text((c.Source as FieldSource)?.Field["TaxonomyContentItemId"]);
                        var request = GraphQLRequestContext.Of(c);
                        return id is null ? null : request.Loader.Published(id).Then(async items => FirstOf(await request.VisibleAsync(items)));
                    }),
                });
                taxonomy.AddField(DeferredItemsField("termContentItems", defaultFirst: null, c =>
                {
                    var field = (c.Source as FieldSource)?.Field;
                    var id = Text(field?["TaxonomyContentItemId"]);
                    var termIds = Strings(field?["TermContentItemIds"]);
                    if (id is null || termIds.Count == 0)
                    {
                        return new Deferred<IReadOnlyList<ContentItem>>(_ => Task.FromResult<IReadOnlyList<ContentItem>>([]));
                    }
                    return GraphQLRequestContext.Of(c).Loader.Published(id).Then(taxonomies =>
                    {
                        var terms = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
                        CollectTerms(FirstOf(taxonomies)?.Part("TaxonomyPart")?["Terms"] as JsonArray, terms);
                        return Task.FromResult<IReadOnlyList<ContentItem>>(termIds.Where(terms.ContainsKey).Select(t => terms[t]).ToList());
                    });
                }));
                return taxonomy;
            })),
            "MediaField" => Object(Shared("MediaField", MediaFieldType)),
            _ => null,
        };
    }

    private static void CollectTerms(JsonArray? terms, Dictionary<string, ContentItem> found)
    {
        foreach (var term in (terms ?? []).OfType<JsonObject>())
        {
            var item = ContentItemJsonConverter.FromJson(term);
            found[item.ContentItemId] = item;
            CollectTerms(term["Terms"] as JsonArray, found);
        }
    }

    /// <summary>Published items in the picker's order; every id is asked for now, so sibling pickers load together.</summary>
    private static Deferred<IReadOnlyList<ContentItem>> Published(IResolveFieldContext c, IReadOnlyList<string> ids)
    {
        var loader = GraphQLRequestContext.Of(c).Loader;
        var pending = ids.Select(loader.Published).ToList();
        return new Deferred<IReadOnlyList<ContentItem>>(async ct =>
        {
            var items = new List<ContentItem>();
            foreach (var result in pending)
            {
                items.AddRange(await result.GetResultAsync(ct));
            }
            return items;
        });
    }

    private IGraphType FieldObject(string name, params (string Field, string Member)[] members) => Shared(name, () =>
    {
        var graph = new ObjectGraphType { Name = name };
        foreach (var (field, member) in members)
        {
            graph.AddField(new FieldType { Name = field, Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => Text((c.Source as FieldSource)?.Field[member])) });
        }
        return graph;
    });

    private sealed record MediaFile(string Path, string? MediaText, JsonObject? Anchor);

    private ObjectGraphType MediaFieldType()
    {
        var anchor = new ObjectGraphType { Name = "MediaAnchor" };
        anchor.AddField(new FieldType { Name = "x", Type = typeof(DecimalGraphType), Resolver = new FuncFieldResolver<object?>(c => Decimal((c.Source as JsonObject)?["X"])) });
        anchor.AddField(new FieldType { Name = "y", Type = typeof(DecimalGraphType), Resolver = new FuncFieldResolver<object?>(c => Decimal((c.Source as JsonObject)?["Y"])) });
        var file = new ObjectGraphType { Name = "MediaFile" };
        file.AddField(new FieldType { Name = "fileName", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => c.Source is MediaFile f ? f.Path[(f.Path.LastIndexOf('/') + 1)..] : null) });
        file.AddField(new FieldType { Name = "path", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => (c.Source as MediaFile)?.Path) });
        file.AddField(new FieldType { Name = "url", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => c.Source is MediaFile f ? MediaResizeFields.PublicUrl(f.Path) : null) });
        file.AddField(new FieldType { Name = "mediaText", Type = typeof(StringGraphType), Resolver = new FuncFieldResolver<object?>(c => (c.Source as MediaFile)?.MediaText) });
        file.AddField(new FieldType { Name = "anchor", ResolvedType = anchor, Resolver = new FuncFieldResolver<object?>(c => (c.Source as MediaFile)?.Anchor) });
        MediaResizeFields.AddTo(file, s => (s as MediaFile)?.Path, s => (s as MediaFile)?.Anchor is { } a && Decimal(a["X"]) is { } x && Decimal(a["Y"]) is { } y ? new((float)x, (float)y) : null);
        var media = new ObjectGraphType { Name = "MediaField" };
        media.AddField(new FieldType { Name = "paths", Type = typeof(ListGraphType<StringGraphType>), Resolver = new FuncFieldResolver<object?>(c => Strings((c.Source as FieldSource)?.Field["Paths"])) });
        media.AddField(new FieldType { Name = "mediaTexts", Type = typeof(ListGraphType<StringGraphType>), Resolver = new FuncFieldResolver<object?>(c => Strings((c.Source as FieldSource)?.Field["MediaTexts"])) });
        media.AddField(new FieldType
        {
            Name = "files",
            ResolvedType = new ListGraphType(file),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var field = (c.Source as FieldSource)?.Field;
                var paths = Strings(field?["Paths"]);
                var texts = Strings(field?["MediaTexts"]);
                var anchors = field?["Anchors"] as JsonArray ?? [];
                return paths.Select((p, i) => new MediaFile(p, i < texts.Count ? texts[i] : null, i < anchors.Count ? anchors[i] as JsonObject : null)).ToList();
            }),
        });
        return media;
    }

    private static ContentItem? FirstOf(IReadOnlyList<ContentItem> items) => items.Count > 0 ? items[0] : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static decimal? Decimal(JsonNode? node) => node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d
        : Text(node) is { } s && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static List<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(Text).OfType<string>().ToList();
}
