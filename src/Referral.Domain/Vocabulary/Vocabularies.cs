namespace Referral.Domain.Vocabulary;

/// <summary>
/// The controlled vocabularies of the directory and of profiles. Codes are stable API values:
/// add new ones, never rename or remove one (stored services and profiles refer to them).
/// </summary>
public static partial class Vocabularies
{
    public static readonly TermSet Conditions = new("conditions",
    [
        new("anxiety", "Anxiety"),
        new("depression", "Depression"),
        new("bipolar", "Bipolar disorder"),
        new("psychosis", "Psychosis and schizophrenia"),
        new("eating-disorder", "Eating disorders"),
        new("ptsd", "Post-traumatic stress and trauma"),
        new("perinatal-mental-health", "Perinatal mental health"),
        new("bereavement", "Bereavement"),
        new("addiction-recovery", "Recovery from alcohol or drug use"),
        new("diabetes", "Diabetes"),
        new("cancer", "Cancer"),
        new("heart-disease", "Heart disease"),
        new("stroke", "Stroke"),
        new("copd", "COPD and other lung conditions"),
        new("chronic-pain", "Chronic pain"),
        new("arthritis", "Arthritis"),
        new("long-covid", "Long COVID"),
        new("dementia", "Dementia"),
        new("parkinsons", "Parkinson's"),
        new("multiple-sclerosis", "Multiple sclerosis"),
        new("autism", "Autism"),
        new("adhd", "ADHD"),
        new("hearing-loss", "Hearing loss"),
        new("sight-loss", "Sight loss"),
        new("menopause", "Menopause"),
        new("loneliness", "Loneliness and isolation"),
    ]);

    public static readonly TermSet Communities = new("communities",
    [
        new("carers", "Unpaid carers"),
        new("veterans", "Armed forces veterans"),
        new("lgbtq-plus", "LGBTQ+ people"),
        new("young-adults", "Young adults (18-25)"),
        new("older-people", "Older people"),
        new("new-parents", "New and expectant parents"),
        new("men", "Men"),
        new("women", "Women"),
        new("black-african-caribbean", "Black, African and Caribbean communities"),
        new("south-asian", "South Asian communities"),
        new("deaf-bsl", "Deaf British Sign Language users"),
        new("refugees-asylum-seekers", "Refugees and people seeking asylum"),
        new("rural", "Rural communities"),
        new("students", "Students"),
        new("faith", "Faith communities"),
        new("gypsy-roma-traveller", "Gypsy, Roma and Traveller communities"),
    ]);

    public static readonly TermSet AccessibilityFeatures = new("accessibilityFeatures",
    [
        new("step-free-access", "Step-free access"),
        new("accessible-toilet", "Accessible toilet"),
        new("hearing-loop", "Hearing loop"),
        new("bsl-interpreter", "British Sign Language interpreter"),
        new("large-print", "Large print materials"),
        new("quiet-space", "Quiet space"),
        new("parking", "Parking nearby"),
        new("public-transport", "Near public transport"),
        new("childcare", "Childcare or children welcome"),
        new("captions", "Live captions on video"),
        new("screen-reader", "Works with screen readers"),
    ]);

    public static readonly TermSet ScheduleSlots = new("scheduleSlots",
    [
        new("weekday-morning", "Weekday mornings"),
        new("weekday-afternoon", "Weekday afternoons"),
        new("weekday-evening", "Weekday evenings"),
        new("weekend-morning", "Weekend mornings"),
        new("weekend-afternoon", "Weekend afternoons"),
        new("weekend-evening", "Weekend evenings"),
    ]);

    public static readonly TermSet Costs = new("costs",
    [
        new("free", "Free to the person"),
        new("low-cost", "Low cost (a small fee or donation)"),
        new("paid", "Paid"),
    ]);

    public static readonly TermSet CapacityStatuses = new("capacityStatuses",
    [
        new("open", "Taking new members"),
        new("waitlist", "Waiting list"),
        new("full", "Full: not taking referrals"),
    ]);

    public static readonly TermSet EvidenceLevels = new("evidenceLevels",
    [
        new("none", "No evaluation yet"),
        new("participant-feedback", "Participant feedback collected"),
        new("independent-evaluation", "Independently evaluated"),
        new("trial", "Evaluated in a trial"),
    ]);

    public static readonly TermSet ReferralRoutes = new("referralRoutes",
    [
        new("self", "The person can refer themselves"),
        new("gp", "GP practice referral"),
        new("link-worker", "Social prescribing link worker referral"),
    ]);

    public static readonly TermSet ServiceStatuses = new("serviceStatuses",
    [
        new(Directory.ServiceStatuses.Active, "Running and taking referrals"),
        new(Directory.ServiceStatuses.Paused, "Temporarily not running"),
        new(Directory.ServiceStatuses.Closed, "Retired from the directory"),
    ]);

    /// <summary>ISO 639-1 codes. Labels are English names so a GP can read them out.</summary>
    public static readonly TermSet Languages = new("languages", Iso639.All);
}
