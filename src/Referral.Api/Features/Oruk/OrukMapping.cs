using System.Globalization;
using Referral.Domain.Directory;
using Referral.Domain.Geography;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Oruk;

/// <summary>
/// A directory service as ORUK 3.0 publishes it. Every coded list is published twice: in ORUK's
/// own structures (schedules, languages, accessibility, cost options) for a reader who knows only
/// ORUK, and as attributes linking our taxonomy terms, which is what an importer (ours included)
/// reads back, so a service exported and imported again is the same service.
/// </summary>
public static class OrukMapping
{
    public const string ServiceLink = "service";

    /// <summary>The directory keeps a venue's postcode only; ORUK's address lines carry it and its district.</summary>
    public const string Country = "GB";

    /// <summary>The yes-or-no quality fields, as terms of the qualityMarks taxonomy.</summary>
    public const string TrainedFacilitators = "trained-facilitators";
    public const string SafeguardingPolicy = "safeguarding-policy";

    public const string NationalExtent = "national";
    public const string RadiusExtent = "radius_km";

    public static string StatusOf(string status) => status switch
    {
        ServiceStatuses.Active => "active",
        ServiceStatuses.Paused => "temporarily closed",
        _ => "defunct",
    };

    public static string? StatusFrom(string? orukStatus) => orukStatus?.Trim().ToUpperInvariant() switch
    {
        "ACTIVE" => ServiceStatuses.Active,
        "TEMPORARILY CLOSED" => ServiceStatuses.Paused,
        "INACTIVE" or "DEFUNCT" => ServiceStatuses.Closed,
        _ => null,
    };

    public static OrukOrganization Organization(Organisation organisation, bool withIdentifiers = true)
    {
        var id = StableIds.Organisation(organisation.Name).ToString();
        return new OrukOrganization
        {
            Id = id,
            Name = organisation.Name,
            // ORUK requires a description the directory does not keep; the name is what it knows.
            Description = organisation.Name,
            Website = Blank(organisation.Website),
            OrganizationIdentifiers = withIdentifiers && Blank(organisation.CharityNumber) is { } number
                ? [new OrukOrganizationIdentifier
                {
                    Id = StableIds.Of("organization_identifier", id + "/" + number).ToString(),
                    OrganizationId = id,
                    IdentifierScheme = CharityScheme(number),
                    IdentifierType = "charity_number",
                    Identifier = number,
                }]
                : null,
        };
    }

    /// <summary>The one-to-one fields, as the listing gives them.</summary>
    public static OrukService Summary(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new OrukService
        {
            Id = service.Id.ToString(),
            OrganizationId = StableIds.Organisation(service.Organisation.Name).ToString(),
            Name = service.Name,
            Description = Blank(service.Description),
            Url = Blank(service.Contact.Website),
            Email = Blank(service.Contact.Email),
            Status = StatusOf(service.Status),
            Accreditations = service.Quality.Accreditations.Count == 0 ? null : string.Join("; ", service.Quality.Accreditations),
            MinimumAge = service.Eligibility.MinAge,
            MaximumAge = service.Eligibility.MaxAge,
            AssuredDate = service.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LastModified = service.UpdatedAt,
        };
    }

    /// <summary>Fully nested, as GET /services/{id} and full=true give it.</summary>
    public static OrukService Full(Service service, PostcodeDistricts districts)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(districts);
        var id = service.Id.ToString();
        return Summary(service) with
        {
            Organization = Organization(service.Organisation),
            ServiceAtLocations = service.VenuePostcode is null ? null : [ServiceAtLocation(service, districts, withService: false)],
            Schedules = NullIfEmpty(service.Schedule.Select(slot => Schedule(service.Id, slot))),
            Languages = NullIfEmpty(service.Languages.Select(code => new OrukLanguage
            {
                Id = StableIds.Part(service.Id, "language/" + code).ToString(),
                ServiceId = id,
                Name = Vocabularies.Languages.Terms.FirstOrDefault(t => t.Code == code)?.Label,
                Code = code,
            })),
            CostOptions = string.IsNullOrEmpty(service.Cost) ? null :
            [
                new OrukCostOption
                {
                    Id = StableIds.Part(service.Id, "cost").ToString(),
                    ServiceId = id,
                    Option = service.Cost,
                    AmountDescription = Label(Vocabularies.Costs, service.Cost),
                },
            ],
            Contacts = Contact(service),
            ServiceAreas =
            [
                new OrukServiceArea
                {
                    Id = StableIds.Part(service.Id, "area").ToString(),
                    ServiceId = id,
                    Name = service.ServiceArea.National
                        ? "United Kingdom"
                        : string.Create(CultureInfo.InvariantCulture, $"Within {service.ServiceArea.RadiusKm} km of {service.VenueDistrict}"),
                    Extent = service.ServiceArea.National ? null : service.ServiceArea.RadiusKm?.ToString(CultureInfo.InvariantCulture),
                    ExtentType = service.ServiceArea.National ? NationalExtent : RadiusExtent,
                },
            ],
            Attributes = NullIfEmpty(Attributes(service)),
        };
    }

    public static OrukServiceAtLocation ServiceAtLocation(Service service, PostcodeDistricts districts, bool withService)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(districts);
        var locationId = StableIds.Location(service.Id).ToString();
        var located = districts.TryLocate(service.VenuePostcode, out var district, out var centroid);
        return new OrukServiceAtLocation
        {
            Id = StableIds.ServiceAtLocation(service.Id).ToString(),
            ServiceId = service.Id.ToString(),
            LocationId = locationId,
            Location = new OrukLocation
            {
                Id = locationId,
                LocationType = "physical",
                Name = $"{service.Name} venue",
                // The centre of the postcode district: the directory measures distances from it, and keeps no finer point.
                Latitude = located ? centroid.Latitude : null,
                Longitude = located ? centroid.Longitude : null,
                Addresses = service.VenuePostcode is { } postcode
                    ?
                    [
                        new OrukAddress
                        {
                            Id = StableIds.Part(service.Id, "address").ToString(),
                            LocationId = locationId,
                            Address1 = postcode,
                            City = located ? district : postcode,
                            StateProvince = located ? district : postcode,
                            PostalCode = postcode,
                            Country = Country,
                            AddressType = "physical",
                        },
                    ]
                    : null,
                Accessibility = NullIfEmpty(service.Accessibility.Select(code => new OrukAccessibility
                {
                    Id = StableIds.Part(service.Id, "accessibility/" + code).ToString(),
                    LocationId = locationId,
                    Description = Label(Vocabularies.AccessibilityFeatures, code),
                    Accessibility = code,
                })),
            },
            Service = withService ? Summary(service) : null,
        };
    }

    public static OrukTaxonomy Taxonomy(TermSet vocabulary, bool withTerms)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new OrukTaxonomy
        {
            Id = StableIds.Taxonomy(vocabulary.Name).ToString(),
            Name = vocabulary.Name,
            Description = $"The directory's {vocabulary.Name} vocabulary: each term's \"term\" is its code, which does not change.",
            Uri = OrukTaxonomies.UriPrefix + vocabulary.Name,
            TaxonomyTerms = withTerms ? vocabulary.Terms.Select(t => Term(vocabulary, t)).ToList() : null,
        };
    }

    public static OrukTaxonomyTerm Term(TermSet vocabulary, Term term)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(term);
        return new OrukTaxonomyTerm
        {
            Id = StableIds.Term(vocabulary.Name, term.Code).ToString(),
            Name = term.Label,
            Description = term.Label,
            Taxonomy = vocabulary.Name,
            TaxonomyId = StableIds.Taxonomy(vocabulary.Name).ToString(),
            Term = term.Code,
        };
    }

    private static IEnumerable<OrukAttributeLink> Attributes(Service service)
    {
        IEnumerable<(TermSet Vocabulary, string Code, string? Value)> coded =
        [
            .. service.Conditions.Select(c => (Vocabularies.Conditions, c, (string?)null)),
            .. service.Communities.Select(c => (Vocabularies.Communities, c, (string?)null)),
            .. service.Formats.Select(c => (Formats.Terms, c, (string?)null)),
            .. service.Accessibility.Select(c => (Vocabularies.AccessibilityFeatures, c, (string?)null)),
            .. service.Schedule.Select(c => (Vocabularies.ScheduleSlots, c, (string?)null)),
            (Vocabularies.Costs, service.Cost, null),
            // A waiting list's expected wait rides on its capacity attribute's value, in weeks.
            (Vocabularies.CapacityStatuses, service.Capacity.Status, service.Capacity.WaitWeeks?.ToString(CultureInfo.InvariantCulture)),
            (Vocabularies.EvidenceLevels, service.Quality.EvidenceLevel, null),
            .. service.ReferralRoutes.Select(c => (Vocabularies.ReferralRoutes, c, (string?)null)),
            .. (service.Quality.TrainedFacilitators ? [(OrukTaxonomies.QualityMarks, TrainedFacilitators, (string?)null)] : Array.Empty<(TermSet, string, string?)>()),
            .. (service.Quality.SafeguardingPolicy ? [(OrukTaxonomies.QualityMarks, SafeguardingPolicy, (string?)null)] : Array.Empty<(TermSet, string, string?)>()),
        ];

        foreach (var (vocabulary, code, value) in coded)
        {
            var term = vocabulary.Terms.FirstOrDefault(t => t.Code == code);
            if (term is null)
            {
                continue;
            }

            var published = Term(vocabulary, term);
            yield return new OrukAttributeLink
            {
                Id = StableIds.Part(service.Id, "attribute/" + vocabulary.Name + "/" + code).ToString(),
                LinkId = service.Id.ToString(),
                LinkType = ServiceLink,
                TaxonomyTermId = published.Id,
                TaxonomyTerm = published,
                Value = value,
            };
        }
    }

    private static List<OrukContact>? Contact(Service service)
    {
        var contact = service.Contact;
        if (Blank(contact.Email) is null && Blank(contact.Phone) is null && Blank(contact.Website) is null)
        {
            return null;
        }

        var id = StableIds.Part(service.Id, "contact").ToString();
        return
        [
            new OrukContact
            {
                Id = id,
                ServiceId = service.Id.ToString(),
                Name = service.Organisation.Name,
                Email = Blank(contact.Email),
                Url = Blank(contact.Website),
                Phones = Blank(contact.Phone) is { } phone ? [new OrukPhone { Id = StableIds.Part(service.Id, "phone").ToString(), ContactId = id, Number = phone }] : null,
            },
        ];
    }

    /// <summary>Our slots as weekly openings: weekdays or the weekend, in the morning, afternoon or evening.</summary>
    private static OrukSchedule Schedule(Guid serviceId, string slot)
    {
        var weekend = slot.StartsWith("weekend", StringComparison.Ordinal);
        var (opens, closes) = slot.EndsWith("morning", StringComparison.Ordinal) ? ("09:00", "12:00")
            : slot.EndsWith("afternoon", StringComparison.Ordinal) ? ("12:00", "17:00")
            : ("17:00", "21:00");
        return new OrukSchedule
        {
            Id = StableIds.Part(serviceId, "schedule/" + slot).ToString(),
            ServiceId = serviceId.ToString(),
            Freq = "WEEKLY",
            ByDay = weekend ? "SA,SU" : "MO,TU,WE,TH,FR",
            OpensAt = opens,
            ClosesAt = closes,
            Description = Label(Vocabularies.ScheduleSlots, slot),
        };
    }

    private static string? CharityScheme(string number) =>
        number.StartsWith("SC", StringComparison.OrdinalIgnoreCase) ? "GB-SC"
        : number.StartsWith("NI", StringComparison.OrdinalIgnoreCase) ? "GB-NIC"
        : "GB-CHC";

    private static string Label(TermSet vocabulary, string code) => vocabulary.Terms.FirstOrDefault(t => t.Code == code)?.Label ?? code;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static List<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}
