using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Referral.Api.Features.GpRecord;
using Referral.Api.Features.Outcomes;
using Referral.Api.Features.Profiles;
using Referral.Api.Features.Referrals;
using Referral.Api.Features.Services;

namespace Referral.Api.OpenApi;

/// <summary>
/// Worked examples for the request bodies, shown in the contract and Swagger UI. The service and
/// profile examples are real values that the API accepts (tests post them); the referral examples
/// are the same shapes with illustrative ids.
/// </summary>
public static class Examples
{
    public static readonly ServiceBody Service = new()
    {
        Name = "Kirkgate Anxiety Peer Circle",
        Description = "A relaxed evening group in Leeds city centre for adults living with anxiety or low mood, led by two trained peer facilitators.",
        Organisation = new OrganisationBody { Name = "Kirkgate Community Wellbeing Trust", CharityNumber = "1158342", Website = "https://kirkgate.example.org.uk" },
        Conditions = ["anxiety", "depression"],
        Communities = [],
        Formats = ["in-person-group", "online-group"],
        VenuePostcode = "LS1 4AP",
        ServiceArea = new ServiceAreaBody { National = false, RadiusKm = 15 },
        Schedule = ["weekday-evening"],
        Languages = ["en", "ur"],
        Accessibility = ["step-free-access", "hearing-loop"],
        Cost = "free",
        Eligibility = new EligibilityBody { MinAge = 18 },
        Capacity = new CapacityBody { Status = "open" },
        Quality = new QualityBody { TrainedFacilitators = true, SafeguardingPolicy = true, EvidenceLevel = "participant-feedback", Accreditations = [] },
        ReferralRoutes = ["self", "gp", "link-worker"],
        Contact = new ContactBody { Email = "hello@kirkgate.example.org.uk", Phone = "0113 496 0123" },
        Status = "active",
        LastReviewed = new DateOnly(2026, 9, 1),
    };

    public static readonly ProfileBody Profile = new()
    {
        PatientRef = "EMIS-104522",
        NhsNumber = "944 930 5552",
        BirthYear = 1961,
        Postcode = "LS6 3AA",
        MaxTravelKm = 8,
        Conditions = ["chronic-pain", "depression"],
        Communities = ["older-people"],
        Languages = ["en"],
        NeedsInterpreter = false,
        AccessibilityNeeds = ["step-free-access"],
        Formats = new FormatPreferencesBody { Preferred = ["one-to-one-remote", "online-community"], Avoid = ["in-person-group"] },
        Availability = ["weekday-morning", "weekday-afternoon"],
        CostLimit = "free",
        HasUsedPeerSupport = false,
        Personality = new PersonalityAnswersBody { Tipi = [2, 5, 6, 4, 5, 6, 6, 2, 4, 3], Ucla3 = [2, 3, 2] },
        FactorPriorities = ["health-benefit", "convenient-location"],
        Consent = new ConsentBody { StoreProfile = true, ShareWithProvider = true, RecordedBy = "staff-0042", RecordedAt = new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero) },
    };

    public static readonly EndorsementBody Endorsement = new()
    {
        ClinicianName = "Dr Amara Okafor",
        Role = "gp",
        Registration = new RegistrationBody { Body = "gmc", Number = "1234567" },
        Note = "I think talking to people who have been through the same could really help you.",
        EndorsedAt = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero),
    };

    public static readonly ReferralBody Referral = new()
    {
        ProfileId = new Guid("5f0c7a9e-3b2d-4c1a-9e8f-7a6b5c4d3e2f"),
        ServiceId = new Guid("a2efcaf9-ea9a-4756-bf94-0e28ac6aa222"),
        RecommendationId = new Guid("1b63c5f5-ad00-4d48-82ea-29de6e648cd3"),
        Route = "signpost",
        Source = "gp",
        Endorsement = Endorsement,
        RecordSharing = "full-summary",
    };

    private static readonly Dictionary<Type, object> ByType = new()
    {
        [typeof(ServiceBody)] = Service,
        [typeof(ProfileBody)] = Profile,
        [typeof(ReferralBody)] = Referral,
        [typeof(EndorsementBody)] = Endorsement,
        [typeof(StatusChangeBody)] = new StatusChangeBody { Status = "declined", Reason = "time", OccurredAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero) },
        [typeof(RecordSharingBody)] = new RecordSharingBody { RecordSharing = "codes-only" },
        [typeof(OutcomeBody)] = new OutcomeBody
        {
            Timepoint = "baseline",
            Ons4 = new Ons4Body { LifeSatisfaction = 4, Worthwhile = 5, Happiness = 3, Anxiety = 7 },
            RecordedBy = "staff-0042",
            MeasuredAt = new DateTimeOffset(2026, 11, 20, 10, 45, 0, TimeSpan.Zero),
        },
        [typeof(Features.Importing.ImportBody)] = new Features.Importing.ImportBody { Feed = "https://feeds.example.org/oruk" },
        [typeof(WithdrawalBody)] = new WithdrawalBody { Reason = "The service has moved its groups to evenings, which the patient cannot make." },
    };

    public static void AddExamples(this Microsoft.AspNetCore.OpenApi.OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (ByType.TryGetValue(context.JsonTypeInfo.Type, out var example))
            {
                var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, json)!];
            }

            return Task.CompletedTask;
        });
}
