using System.Globalization;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Rules;

namespace Twinning.Core.Municipal.PartnerCities;

/// <summary>
/// A partner city's status history: every change has a date and a known status, and the changes are
/// listed in chronological order (two changes may share a date).
/// </summary>
public sealed class PartnershipStatusHistoryRule : IContentItemRule
{
    private const string BagName = "StatusHistory";
    private const string EntryType = "PartnershipStatusChange";

    /// <summary>The statuses a partnership can have, in the lower case they are stored in.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["proposed", "active", "dormant", "suspended", "resumed", "terminated", "expired"];

    public bool AppliesTo(string contentType) => contentType == "PartnerCity";

    public ValueTask ValidateAsync(ContentValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        (DateOnly Date, int Number)? previous = null;
        var orderReported = false;
        foreach (var entry in TwinningJson.BagEntries(context.Item, BagName, EntryType))
        {
            ValidateStatus(entry, context);

            var datePath = $"{entry.Path}.Date.Value";
            var text = TwinningJson.Value(entry.Part, "Date");
            if (text is null)
            {
                context.Fail(datePath, "StatusHistory.DateMissing", ("number", entry.Number));
                continue;
            }
            if (FieldValues.ParseDate(text) is not { } date)
            {
                context.Fail(datePath, "StatusHistory.NotADate", ("number", entry.Number), ("value", text));
                continue;
            }
            if (!orderReported && previous is { } before && date < before.Date)
            {
                context.Fail(datePath, "StatusHistory.OutOfOrder", ("number", entry.Number), ("date", Format(date)),
                    ("previousNumber", before.Number), ("previousDate", Format(before.Date)));
                orderReported = true;
            }
            previous = (date, entry.Number);
        }
        return ValueTask.CompletedTask;
    }

    private static void ValidateStatus(TwinningJson.BagEntry entry, ContentValidationContext context)
    {
        var path = $"{entry.Path}.Status.Text";
        var status = TwinningJson.Text(entry.Part, "Status");
        if (status is null)
        {
            context.Fail(path, "StatusHistory.StatusMissing", ("number", entry.Number), ("statuses", string.Join(", ", Statuses)));
            return;
        }
        var known = Statuses.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            context.Fail(path, "StatusHistory.UnknownStatus", ("number", entry.Number), ("status", status), ("statuses", string.Join(", ", Statuses)));
            return;
        }
        TwinningJson.SetText(entry.Part, "Status", known);
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
