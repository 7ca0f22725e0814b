using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using Referral.Api.Features.Fhir;
using Referral.Domain.Vocabulary;

namespace Referral.Api.Features.GpRecord;

/// <summary>
/// The closure summary as a FHIR document Bundle: a Composition (the "message back to GP and
/// referrer") first, then the referral's ServiceRequest and Task. Built from the
/// <see cref="SharedReferral"/>, so it holds no more than the patient agreed to.
/// </summary>
public static class SummaryBundle
{
    public static Bundle Of(SharedReferral summary, string fhirBase, DateTimeOffset now)
    {
        var request = ReferralResources.ServiceRequest(summary);
        var task = ReferralResources.Task(summary);
        var requestUrl = $"{fhirBase}/ServiceRequest/{summary.ReferralId}";
        var taskUrl = $"{fhirBase}/Task/{summary.ReferralId}";
        var compositionId = summary.ReferralId.ToString();
        var composition = new Composition
        {
            Id = compositionId,
            Status = CompositionStatus.Final,
            Type = ReferralResources.Coded(FhirSystems.Vocabulary("documentTypes"), "closure-summary", "Peer support referral closure summary"),
            Subject = ReferralResources.Patient(summary),
            Date = new FhirDateTime(now).Value,
            Author = [ReferralResources.Practice(summary.Practice)],
            Title = "Peer support referral: closure summary",
            Section =
            [
                Section("Referral", ReferralText(summary), requestUrl),
                Section("Outcome", OutcomeText(summary), taskUrl),
                Section("Codes to file", CodesText(summary), null),
            ],
        };

        return new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Identifier = new Identifier("urn:ietf:rfc:3986", "urn:uuid:" + Guid.NewGuid()),
            Type = Bundle.BundleType.Document,
            Timestamp = now,
            Entry =
            [
                new Bundle.EntryComponent { FullUrl = $"urn:uuid:{Guid.NewGuid()}", Resource = composition },
                new Bundle.EntryComponent { FullUrl = requestUrl, Resource = request },
                new Bundle.EntryComponent { FullUrl = taskUrl, Resource = task },
            ],
        };
    }

    private static Composition.SectionComponent Section(string title, IEnumerable<string> lines, string? entry) => new()
    {
        Title = title,
        Text = new Narrative
        {
            Status = Narrative.NarrativeStatus.Generated,
            Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")) + "</div>",
        },
        Entry = entry is null ? [] : [new ResourceReference(entry)],
    };

    /// <summary>The lines of the referral section, shared with the PDF.</summary>
    public static IEnumerable<string> ReferralText(SharedReferral s)
    {
        yield return $"Referred by {Lower(Label(Vocabularies.ReferralSources, s.Source))} at practice {s.Practice} on {Date(s.CreatedAt)}. Route: {Lower(Label(Vocabularies.ReferralHandoffs, s.Route))}.";
        yield return s.Patient.ProfileErased
            ? "Patient: profile erased."
            : $"Patient: NHS number {s.Patient.NhsNumber ?? "not recorded"}; practice reference {s.Patient.PatientRef}.";
        var formats = s.Service.Formats.Count == 0 ? "not recorded" : string.Join(", ", s.Service.Formats.Select(f => Label(Formats.Terms, f)));
        yield return s.Service.Name is { } name
            ? $"Service: {name}, run by {s.Service.Organisation}; format: {formats}."
            : $"Service: {s.Service.Id}; format: {formats}.";
        if (s.Endorsement is { } e)
        {
            var register = e.RegistrationBody is { } body ? $", {body.ToUpperInvariant()}" + (e.RegistrationNumber is { } number ? $" {number}" : " registered") : string.Empty;
            var who = e.ClinicianName is { } clinician ? $"{clinician} ({e.Role}{register})" : $"a clinician ({e.Role}{register})";
            yield return $"Endorsed by {who} on {Date(e.EndorsedAt)}" + (e.WithdrawnAt is { } withdrawn ? $"; withdrawn on {Date(withdrawn)}" + (e.WithdrawalReason is { } why ? $": {why}" : string.Empty) : string.Empty) + ".";
            if (e.Note is { } note)
            {
                yield return $"Endorsement note: {note}";
            }
        }
        else
        {
            yield return "No clinician endorsement.";
        }
    }

    /// <summary>The lines of the outcome section: the status history with dates and the decline reason.</summary>
    public static IEnumerable<string> OutcomeText(SharedReferral s)
    {
        yield return $"Outcome: {Label(Vocabularies.ReferralStatuses, s.Status)}" + (s.ClosedAt is { } closed ? $", on {Date(closed)}." : ".");
        if (s.DeclineReason is { } reason)
        {
            yield return $"Decline reason: {Label(Vocabularies.DeclineReasons, reason)} ({reason}).";
        }

        foreach (var e in s.History)
        {
            yield return $"{Date(e.OccurredAt)}: {e.Status}" + (e.ReasonCode is { } code ? $" ({code})" : string.Empty) + (e.Note is { } note ? $": {note}" : string.Empty);
        }

        if (s.Outcomes is null)
        {
            yield return "Outcome measures: not shared (the patient agreed to codes only).";
        }
        else if (s.Outcomes.Count == 0)
        {
            yield return "Outcome measures: none were recorded.";
        }
        else
        {
            foreach (var o in s.Outcomes)
            {
                yield return $"ONS4 {o.Timepoint}, {Date(o.MeasuredAt)} (day {o.IntervalDays}): life satisfaction {o.LifeSatisfaction}, worthwhile {o.Worthwhile}, happiness {o.Happiness}, anxiety {o.Anxiety} (0-10)"
                    + (o.Ucla3Sum is { } ucla ? $"; UCLA-3 loneliness {ucla} (3-9)." : ".");
            }
        }
    }

    public static IEnumerable<string> CodesText(SharedReferral s) =>
        s.Codes.Count == 0
            ? ["No coded events."]
            : s.Codes.Select(c => $"SNOMED CT {c.Code} |{c.Display}|, {Date(c.OccurredAt)} ({c.Event}).");

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string Label(TermSet terms, string code) => terms.Terms.FirstOrDefault(t => t.Code == code)?.Label ?? code;
}
