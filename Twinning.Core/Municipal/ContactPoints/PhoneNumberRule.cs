using PhoneNumbers;
using Twinning.Core.Content.Shapes;
using Twinning.Core.Rules;

namespace Twinning.Core.Municipal.ContactPoints;

/// <summary>
/// A contact point's phone numbers are real numbers and are stored in E.164 (<c>+48697697205</c>).
/// Numbers without a country code are read as Polish.
/// </summary>
public sealed class PhoneNumberRule : IContentItemRule
{
    /// <summary>The region assumed for numbers written without a country code.</summary>
    public const string DefaultRegion = "PL";

    private const string BagName = "Phones";
    private const string EntryType = "PhoneNumber";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public bool AppliesTo(string contentType) => contentType == "ContactPoint";

    public ValueTask ValidateAsync(ContentValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in TwinningJson.BagEntries(context.Item, BagName, EntryType))
        {
            var path = $"{entry.Path}.Number.Text";
            var text = TwinningJson.Text(entry.Part, "Number");
            if (text is null)
            {
                context.Fail(path, "Phone.Missing", ("number", entry.Number));
            }
            else if (ToE164(text) is { } e164)
            {
                TwinningJson.SetText(entry.Part, "Number", e164);
            }
            else
            {
                context.Fail(path, "Phone.Invalid", ("number", entry.Number), ("value", text));
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The number in E.164, or null when it is not a valid number. Letters are refused rather than read as keypad digits.</summary>
    public static string? ToE164(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(char.IsLetter))
        {
            return null;
        }
        try
        {
            var number = Util.Parse(text, DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
