using System.Globalization;
using System.Text.Json;
using Referral.Api.Features.Oruk;
using Referral.Api.Features.Services;
using Referral.Domain.Geography;
using Referral.Domain.Identifiers;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.Importing;

/// <summary>One ORUK service record read: the service it describes, or why it cannot be taken.</summary>
public sealed record MappedRecord(string? SourceId, string? Name, string? SourceModified, ServiceBody? Body, IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes);

/// <summary>
/// An ORUK 3.0 service record as a directory service. Coded lists come from the record's
/// attributes through <see cref="OrukTermMapping"/>, then from ORUK's own structures
/// (languages, accessibility, cost options); what ORUK has no field for takes the mapping's
/// defaults. A value that cannot be true (a postcode that is not a UK postcode, coordinates out
/// of range, a language code that is not ISO 639-1) is reported and left out, never stored.
/// </summary>
public sealed class OrukRecordMapper(OrukTermMapping mapping, PostcodeDistricts districts, ImportOptions options)
{
    public MappedRecord Map(JsonElement record, DateOnly today)
    {
        var reasons = new List<string>();
        var notes = new List<string>();
        if (record.ValueKind != JsonValueKind.Object)
        {
            return new MappedRecord(null, null, null, null, ["The record is not a JSON object."], notes);
        }

        string? Text(JsonElement from, string member, string where)
        {
            if (!from.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                reasons.Add($"'{where}' is not a string.");
                return null;
            }

            var text = value.GetString();
            if (text is not null && text.Length > options.MaxStringLength)
            {
                reasons.Add($"'{where}' is longer than {options.MaxStringLength} characters.");
                return null;
            }

            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        var sourceId = Text(record, "id", "id");
        var name = Text(record, "name", "name");
        var modified = Text(record, "last_modified", "last_modified");
        if (sourceId is null)
        {
            reasons.Add("'id' is missing: without it a re-import could not find the service again.");
        }

        var organisation = record.TryGetProperty("organization", out var org) && org.ValueKind == JsonValueKind.Object ? org : default;
        var organisationName = organisation.ValueKind == JsonValueKind.Object ? Text(organisation, "name", "organization.name") : null;
        if (organisationName is null)
        {
            reasons.Add("'organization.name' is missing: the directory names who runs each service.");
        }

        string? charity = null;
        foreach (var identifier in Items(organisation, "organization_identifiers"))
        {
            var type = Text(identifier, "identifier_type", "organization.organization_identifiers[].identifier_type");
            var scheme = Text(identifier, "identifier_scheme", "organization.organization_identifiers[].identifier_scheme");
            if (type == "charity_number" || scheme is "GB-CHC" or "GB-SC" or "GB-NIC")
            {
                charity ??= Text(identifier, "identifier", "organization.organization_identifiers[].identifier");
            }
        }

        // Codes from the attributes, each term resolved or reported.
        var codes = new Dictionary<TermSet, List<string>>();
        int? waitWeeks = null;
        foreach (var attribute in Items(record, "attributes"))
        {
            var term = attribute.TryGetProperty("taxonomy_term", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
            var termId = Text(attribute, "taxonomy_term_id", "attributes[].taxonomy_term_id") ?? (term.ValueKind == JsonValueKind.Object ? Text(term, "id", "attributes[].taxonomy_term.id") : null);
            var taxonomy = term.ValueKind == JsonValueKind.Object ? Text(term, "taxonomy", "attributes[].taxonomy_term.taxonomy") : null;
            var code = term.ValueKind == JsonValueKind.Object ? Text(term, "term", "attributes[].taxonomy_term.term") : null;
            var label = term.ValueKind == JsonValueKind.Object ? Text(term, "name", "attributes[].taxonomy_term.name") : null;
            var resolved = mapping.Resolve(termId, taxonomy, code, label);
            if (resolved.Count == 0)
            {
                notes.Add($"Unknown taxonomy term '{label ?? code ?? termId}'{(taxonomy is null ? string.Empty : $" of '{taxonomy}'")}: left out (add it to the mapping file to take it).");
                continue;
            }

            foreach (var (vocabulary, value) in resolved)
            {
                var list = codes.TryGetValue(vocabulary, out var held) ? held : codes[vocabulary] = [];
                if (!list.Contains(value))
                {
                    list.Add(value);
                }

                if (ReferenceEquals(vocabulary, Vocabularies.CapacityStatuses) && value == "waitlist"
                    && Text(attribute, "value", "attributes[].value") is { } weeks)
                {
                    waitWeeks = int.TryParse(weeks, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : null;
                }
            }
        }

        IReadOnlyList<string> Codes(TermSet vocabulary) => codes.TryGetValue(vocabulary, out var list) ? list : [];
        string? One(TermSet vocabulary, string what)
        {
            var list = Codes(vocabulary);
            if (list.Count > 1)
            {
                notes.Add($"More than one {what} ({string.Join(", ", list)}): the first is taken.");
            }

            return list.Count > 0 ? list[0] : null;
        }

        // The venue: the first physical address's postcode, if it is a real UK one.
        string? postcode = null;
        foreach (var at in Items(record, "service_at_locations"))
        {
            var location = at.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
            if (location.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            CheckCoordinates(location, notes);
            foreach (var address in Items(location, "addresses"))
            {
                var given = Text(address, "postal_code", "service_at_locations[].location.addresses[].postal_code");
                if (given is null || postcode is not null)
                {
                    continue;
                }

                if (Postcode.NormaliseFull(given) is { } full && districts.TryLocate(full, out _, out _))
                {
                    postcode = full;
                }
                else
                {
                    notes.Add($"Postcode '{Shorten(given)}' is not a UK postcode in a known district: left out.");
                }
            }

            foreach (var feature in Items(location, "accessibility"))
            {
                if (Text(feature, "accessibility", "accessibility[].accessibility") is { } feat && Vocabularies.AccessibilityFeatures.Contains(feat) && !Codes(Vocabularies.AccessibilityFeatures).Contains(feat))
                {
                    (codes.TryGetValue(Vocabularies.AccessibilityFeatures, out var list) ? list : codes[Vocabularies.AccessibilityFeatures] = []).Add(feat);
                }
            }
        }

        var languages = new List<string>();
        foreach (var language in Items(record, "languages"))
        {
            var code = Text(language, "code", "languages[].code");
            if (code is null)
            {
                continue;
            }

            if (Vocabularies.Languages.Contains(code.ToLowerInvariant()))
            {
                languages.Add(code.ToLowerInvariant());
            }
            else
            {
                notes.Add($"Language '{Shorten(code)}' is not an ISO 639-1 code: left out.");
            }
        }

        string? cost = One(Vocabularies.Costs, "cost");
        foreach (var option in Items(record, "cost_options"))
        {
            if (cost is null && Text(option, "option", "cost_options[].option") is { } o && Vocabularies.Costs.Contains(o))
            {
                cost = o;
            }
            else if (cost is null && option.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number && amount.GetDouble() == 0)
            {
                cost = "free";
            }
        }

        // The area: national, a radius from the venue, or the mapping's default radius.
        var national = false;
        int? radius = null;
        foreach (var area in Items(record, "service_areas").Take(1))
        {
            var type = Text(area, "extent_type", "service_areas[].extent_type");
            if (type == OrukMapping.NationalExtent)
            {
                national = true;
            }
            else if (type == OrukMapping.RadiusExtent && int.TryParse(Text(area, "extent", "service_areas[].extent"), NumberStyles.None, CultureInfo.InvariantCulture, out var km))
            {
                radius = km;
            }
        }

        if (!national && postcode is null)
        {
            national = Codes(Formats.Terms).Count > 0 && Codes(Formats.Terms).All(f => Formats.Find(f)?.InPerson == false);
        }

        var contact = Items(record, "contacts").FirstOrDefault();
        var phone = contact.ValueKind == JsonValueKind.Object ? Items(contact, "phones").Select(p => Text(p, "number", "contacts[].phones[].number")).FirstOrDefault(p => p is not null) : null;
        var email = Text(record, "email", "email") ?? (contact.ValueKind == JsonValueKind.Object ? Text(contact, "email", "contacts[].email") : null);
        var website = Text(record, "url", "url") ?? (contact.ValueKind == JsonValueKind.Object ? Text(contact, "url", "contacts[].url") : null);

        var status = Text(record, "status", "status");
        var ourStatus = OrukMapping.StatusFrom(status);
        if (ourStatus is null)
        {
            reasons.Add($"'status' must be active, inactive, defunct or temporarily closed.");
        }

        var assured = Text(record, "assured_date", "assured_date");
        DateOnly reviewed = today;
        if (assured is not null && !DateOnly.TryParseExact(assured.Length >= 10 ? assured[..10] : assured, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out reviewed))
        {
            notes.Add("'assured_date' is not a date: the import date is used.");
            reviewed = today;
        }

        if (reasons.Count > 0)
        {
            return new MappedRecord(sourceId, name, modified, null, reasons, notes);
        }

        var defaults = mapping.Defaults;
        var capacity = One(Vocabularies.CapacityStatuses, "capacity") ?? defaults.Capacity;
        var formats = Codes(Formats.Terms);
        var body = new ServiceBody
        {
            Name = name ?? string.Empty,
            Description = Text(record, "description", "description") ?? string.Empty,
            Organisation = new OrganisationBody { Name = organisationName!, CharityNumber = charity, Website = Text(organisation, "website", "organization.website") },
            Conditions = Codes(Vocabularies.Conditions),
            Communities = Codes(Vocabularies.Communities),
            Formats = formats.Count > 0 ? formats : defaults.Formats,
            VenuePostcode = postcode,
            ServiceArea = national ? new ServiceAreaBody { National = true } : new ServiceAreaBody { RadiusKm = radius ?? defaults.RadiusKm },
            Schedule = Codes(Vocabularies.ScheduleSlots),
            Languages = languages.Count > 0 ? languages : defaults.Languages,
            Accessibility = Codes(Vocabularies.AccessibilityFeatures),
            Cost = cost ?? defaults.Cost,
            Eligibility = new EligibilityBody { MinAge = Age(record, "minimum_age", notes), MaxAge = Age(record, "maximum_age", notes) },
            Capacity = new CapacityBody { Status = capacity, WaitWeeks = capacity == "waitlist" ? waitWeeks : null },
            Quality = new QualityBody
            {
                TrainedFacilitators = Codes(OrukTaxonomies.QualityMarks).Contains(OrukMapping.TrainedFacilitators),
                SafeguardingPolicy = Codes(OrukTaxonomies.QualityMarks).Contains(OrukMapping.SafeguardingPolicy),
                EvidenceLevel = One(Vocabularies.EvidenceLevels, "evidence level") ?? defaults.EvidenceLevel,
                Accreditations = Text(record, "accreditations", "accreditations") is { } a
                    ? a.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [],
            },
            ReferralRoutes = Codes(Vocabularies.ReferralRoutes).Count > 0 ? Codes(Vocabularies.ReferralRoutes) : defaults.ReferralRoutes,
            Contact = new ContactBody { Email = email, Phone = phone, Website = website },
            Status = ourStatus!,
            LastReviewed = reviewed,
        };
        return new MappedRecord(sourceId, name, modified, body, reasons, notes);
    }

    private static IEnumerable<JsonElement> Items(JsonElement parent, string member) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(member, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static int? Age(JsonElement record, string member, List<string> notes)
    {
        if (!record.TryGetProperty(member, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetInt32(out var age) && age is >= 0 and <= 120)
        {
            return age;
        }

        notes.Add($"'{member}' is not an age in whole years from 0 to 120: left out.");
        return null;
    }

    private static void CheckCoordinates(JsonElement location, List<string> notes)
    {
        // The directory measures from postcode districts and keeps no coordinates, but says when a feed's cannot be true.
        if (location.TryGetProperty("latitude", out var lat) && lat.ValueKind == JsonValueKind.Number && Math.Abs(lat.GetDouble()) > 90)
        {
            notes.Add("'latitude' is out of range (-90 to 90): left out.");
        }

        if (location.TryGetProperty("longitude", out var lon) && lon.ValueKind == JsonValueKind.Number && Math.Abs(lon.GetDouble()) > 180)
        {
            notes.Add("'longitude' is out of range (-180 to 180): left out.");
        }
    }

    // A value that cannot be true is named in the report, but only so much of it: it came from a stranger.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
