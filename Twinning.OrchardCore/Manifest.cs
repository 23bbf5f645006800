using OrchardCore.Modules.Manifest;

// No Id and no [Feature]: Orchard then takes module id = feature id = the assembly name "Twinning", which is what the
// municipal recipe enables, and every public class of this assembly belongs to that one feature.
[assembly: Module(
    Name = "Twinning",
    Author = "Twinning project",
    Version = "1.0.0",
    Category = "Content Management",
    Description = "Partner-city (twinning) content: forums and panels, partner cities with agreements and status history, galleries, documents, contact points with opening hours; the municipal rules on every save; iCalendar, GeoJSON, JSON-LD and opening-status endpoints.",
    Dependencies =
    [
        "OrchardCore.Contents",
        "OrchardCore.ContentFields",
        "OrchardCore.Title",
        "OrchardCore.Autoroute",
        "OrchardCore.Html",
        "OrchardCore.Lists",
        "OrchardCore.Flows",
        "OrchardCore.Localization",
        "OrchardCore.ContentLocalization",
        "OrchardCore.Taxonomies",
        "OrchardCore.Media",
        "OrchardCore.Spatial",
    ],
    Tags = ["twinning", "partner cities", "municipality", "headless"]
)]
