namespace Referral.Domain.Vocabulary;

/// <summary>
/// A way peer support is delivered (domain reference, section 3). Social intensity is the
/// product's assumption: how much live contact with other people the format asks of someone.
/// </summary>
public sealed record Format(string Code, string Label, bool RealTime, bool InPerson, bool Group, double SocialIntensity);

public static class Formats
{
    public const string InPersonGroup = "in-person-group";
    public const string OnlineGroup = "online-group";
    public const string OneToOneInPerson = "one-to-one-in-person";
    public const string OneToOneRemote = "one-to-one-remote";
    public const string OnlineCommunity = "online-community";
    public const string Messages = "messages";

    public static readonly IReadOnlyList<Format> All =
    [
        new(InPersonGroup, "A group meeting at a venue", RealTime: true, InPerson: true, Group: true, SocialIntensity: 1.0),
        new(OnlineGroup, "A live video or voice group", RealTime: true, InPerson: false, Group: true, SocialIntensity: 0.8),
        new(OneToOneInPerson, "A trained peer meets the person (including walk-and-talk)", RealTime: true, InPerson: true, Group: false, SocialIntensity: 0.6),
        new(OneToOneRemote, "A trained peer by phone or video", RealTime: true, InPerson: false, Group: false, SocialIntensity: 0.45),
        new(OnlineCommunity, "A moderated forum or chat community", RealTime: false, InPerson: false, Group: true, SocialIntensity: 0.3),
        new(Messages, "Regular support emails or texts needing no reply", RealTime: false, InPerson: false, Group: false, SocialIntensity: 0.1),
    ];

    public static readonly TermSet Terms = new("formats", All.Select(f => new Term(f.Code, f.Label)));

    public static Format? Find(string code) => All.FirstOrDefault(f => f.Code == code);
}
