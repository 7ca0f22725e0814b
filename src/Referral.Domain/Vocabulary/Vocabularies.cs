namespace Referral.Domain.Vocabulary;

/// <summary>
/// The controlled vocabularies of the directory and of profiles. Codes are stable API values:
/// add new ones, never rename or remove one (stored services and profiles refer to them).
/// </summary>
public static partial class Vocabularies
{
    // Definitions say what each code covers, so that a GP coding a patient and an administrator
    // coding a service mean the same thing by it. A definition may make a code clearer; it never
    // narrows or widens what stored services and profiles already meant by it.
    public static readonly TermSet Conditions = new("conditions",
    [
        Defined("anxiety", "Anxiety", "Anxiety disorders and persistent worry, including generalised anxiety, panic and phobias."),
        Defined("depression", "Depression", "Depression and persistent low mood."),
        Defined("bipolar", "Bipolar disorder", "Bipolar disorder: episodes of depression and of mania or hypomania."),
        Defined("psychosis", "Psychosis and schizophrenia", "Psychosis, schizophrenia and related conditions, including a first episode and recovery from it."),
        Defined("eating-disorder", "Eating disorders", "Eating disorders, including anorexia, bulimia, binge eating disorder and ARFID."),
        Defined("ptsd", "Post-traumatic stress and trauma", "Post-traumatic stress disorder, complex PTSD and the lasting effects of trauma."),
        Defined("perinatal-mental-health", "Perinatal mental health", "Mental health problems in pregnancy and in the first year after a birth, for either parent."),
        Defined("bereavement", "Bereavement", "Grief after the death of someone close, including after a suicide."),
        Defined("addiction-recovery", "Recovery from alcohol or drug use", "Alcohol or drug use and recovery from it, at any stage."),
        Defined("diabetes", "Diabetes", "Type 1, type 2 and other types of diabetes."),
        Defined("cancer", "Cancer", "Any cancer, during treatment and after it."),
        Defined("heart-disease", "Heart disease", "Coronary heart disease, heart failure, heart rhythm problems and recovery after a heart attack."),
        Defined("stroke", "Stroke", "Life after a stroke or a transient ischaemic attack, including aphasia."),
        Defined("copd", "COPD and other lung conditions", "COPD and other long-term lung conditions, such as asthma, bronchiectasis and pulmonary fibrosis."),
        Defined("chronic-pain", "Chronic pain", "Pain that has lasted more than three months, whatever its cause."),
        Defined("arthritis", "Arthritis", "Osteoarthritis, rheumatoid arthritis and other inflammatory joint conditions."),
        Defined("long-covid", "Long COVID", "Symptoms that continue more than 12 weeks after COVID-19 and are not explained by another diagnosis (NICE: post-COVID-19 syndrome)."),
        Defined("dementia", "Dementia", "Dementia of any type, including Alzheimer's disease and young-onset dementia, for the person living with it (carers: the community dementia-carers)."),
        Defined("parkinsons", "Parkinson's", "Parkinson's disease and related forms of parkinsonism."),
        Defined("multiple-sclerosis", "Multiple sclerosis", "Multiple sclerosis of any type."),
        Defined("autism", "Autism", "Autistic people, with a diagnosis or waiting for an assessment."),
        Defined("adhd", "ADHD", "Attention deficit hyperactivity disorder, with a diagnosis or waiting for an assessment."),
        Defined("hearing-loss", "Hearing loss", "Hearing loss, deafness acquired in later life, and tinnitus (Deaf British Sign Language users: the community deaf-bsl)."),
        Defined("sight-loss", "Sight loss", "Sight loss and blindness, whether or not registered."),
        Defined("menopause", "Menopause", "Symptoms of the perimenopause and menopause."),
        Defined("loneliness", "Loneliness and isolation", "Feeling lonely or socially isolated, whatever the cause."),
        Defined("hiv", "HIV", "Living with HIV, from a new diagnosis onwards."),
        Defined("sexual-health", "Sexual health", "Sexual health concerns other than HIV, such as a long-term sexually transmitted infection (herpes, hepatitis B) or sexual difficulties."),
        Defined("inflammatory-bowel-disease", "Inflammatory bowel disease (Crohn's and colitis)", "Crohn's disease, ulcerative colitis and microscopic colitis."),
        Defined("fibromyalgia", "Fibromyalgia", "Fibromyalgia: long-term widespread pain with tiredness and poor sleep."),
        Defined("domestic-abuse", "Domestic abuse", "Living with or recovering from domestic abuse by a partner, ex-partner or family member: physical, sexual, emotional or economic abuse, or coercive control."),
    ]);

    public static readonly TermSet Communities = new("communities",
    [
        Defined("carers", "Unpaid carers", "People who look after a family member, partner or friend without pay."),
        Defined("veterans", "Armed forces veterans", "Anyone who has served for at least one day in the UK armed forces, regular or reserve."),
        Defined("lgbtq-plus", "LGBTQ+ people", "Lesbian, gay, bisexual, trans, queer and other sexual and gender minority people."),
        Defined("young-adults", "Young adults (18-25)", "People aged 18 to 25."),
        Defined("older-people", "Older people", "People in later life, usually 65 or over."),
        Defined("new-parents", "New and expectant parents", "People expecting a baby, and parents in their baby's first year."),
        Defined("men", "Men", "Men: for services run by and for men (who may come is eligibility.gender)."),
        Defined("women", "Women", "Women: for services run by and for women (who may come is eligibility.gender)."),
        Defined("black-african-caribbean", "Black, African and Caribbean communities", "People of Black African, Black Caribbean or mixed Black heritage."),
        Defined("south-asian", "South Asian communities", "People of Indian, Pakistani, Bangladeshi, Sri Lankan or Nepali heritage."),
        Defined("deaf-bsl", "Deaf British Sign Language users", "Deaf people whose first or preferred language is British Sign Language."),
        Defined("refugees-asylum-seekers", "Refugees and people seeking asylum", "People who have fled their country: seeking asylum, granted refugee status or refused."),
        Defined("rural", "Rural communities", "People living in villages, hamlets and isolated rural areas."),
        Defined("students", "Students", "People in further or higher education."),
        Defined("faith", "Faith communities", "People for whom a shared religion or belief is part of the support."),
        Defined("gypsy-roma-traveller", "Gypsy, Roma and Traveller communities", "Gypsy, Roma, Irish Traveller, Showmen and Boater communities."),
        Defined("dementia-carers", "Carers of people living with dementia", "Family members and friends who care, without pay, for someone living with dementia."),
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
        // Distinct from step-free access, which a wheelchair user may still not be able to use
        // (a narrow door, no turning space, no accessible toilet). As a patient's need: they use
        // a wheelchair. A venue recorded as wheelchair accessible is step-free too.
        Defined("wheelchair-accessible", "Wheelchair accessible", "Usable throughout by someone in a wheelchair: step-free, with wide doors, room to turn and an accessible toilet. As an access need: the patient uses a wheelchair."),
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

    /// <summary>
    /// Who a service is open to by sex or gender, as the service itself defines it: a service's
    /// <c>eligibility.gender</c>. Absent means anyone, as does <c>anyone</c>.
    /// </summary>
    public static readonly TermSet GenderEligibility = new("genderEligibility",
    [
        new("anyone", "Open to anyone, whatever their sex or gender"),
        new("women", "Women only, as the service defines it"),
        new("men", "Men only, as the service defines it"),
    ]);

    /// <summary>
    /// A patient's sex or gender, recorded only if the patient chooses to give it: a profile's
    /// <c>gender</c>. Matching uses it for women-only and men-only services, and for nothing else.
    /// </summary>
    public static readonly TermSet Genders = new("genders",
    [
        new("woman", "Woman"),
        new("man", "Man"),
        new("non-binary", "Non-binary, or another gender"),
    ]);

    /// <summary>ISO 639-1 codes. Labels are English names so a GP can read them out.</summary>
    public static readonly TermSet Languages = new("languages", Iso639.All);

    private static Term Defined(string code, string label, string definition) => new(code, label) { Definition = definition };
}
