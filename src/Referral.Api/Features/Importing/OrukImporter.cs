using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Options;
using Referral.Api.Features.Oruk;
using Referral.Api.Features.Services;
using Referral.Api.Validation;
using Referral.Data.Directory;
using Referral.Data.Provenance;
using Referral.Domain.Directory;
using Referral.Domain.Geography;
using Referral.Domain.Identifiers;

namespace Referral.Api.Features.Importing;

/// <summary>How far an import has got, for a progress bar or a job resource.</summary>
public sealed record ImportProgress(int Pages, int Records);

/// <summary>
/// Imports an ORUK feed into the directory through the service repository (so matching and
/// search see each service the moment it is written). Each record is validated on its own, as
/// the API would validate it, and written in one step or not at all; a service's id is derived
/// from the feed and the record's id, so a re-import updates it (or leaves it alone when
/// nothing changed: no write at all), and an import interrupted and run again converges on the
/// same directory. Only an import that read the whole feed closes the services whose records
/// have gone from it; nothing is ever deleted.
/// </summary>
public sealed class OrukImporter(
    IServiceRepository services,
    IImportProvenance provenance,
    IValidator<ServiceBody> validator,
    PostcodeDistricts districts,
    IOptions<ImportOptions> options,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions Comparison = new(JsonSerializerDefaults.Web);

    public async Task<ImportReport> RunAsync(string source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var limits = options.Value;
        var feed = FeedReader.FeedName(source);
        var mapper = new OrukRecordMapper(OrukTermMapping.From(limits), districts, limits);
        var reader = new FeedReader(limits, new FeedAddress(limits));
        var tally = new Tally();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var known = (await provenance.ForFeedAsync(feed, cancellationToken)).ToDictionary(p => p.SourceId, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.MaxDuration);
        string? error = null;
        try
        {
            await foreach (var page in reader.ReadAsync(source, deadline.Token))
            {
                tally.Pages++;
                foreach (var record in page.Records)
                {
                    tally.Records++;
                    await ImportAsync(feed, mapper.Map(record, today), known, seen, tally, deadline.Token);
                }

                progress?.Report(new ImportProgress(tally.Pages, tally.Records));
            }
        }
        catch (FeedException e)
        {
            error = e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"The import took longer than {limits.MaxDuration} (Import:MaxDuration) and stopped.";
        }

        if (error is null)
        {
            // The whole feed was read: what it no longer lists is closed.
            foreach (var gone in known.Values.Where(k => !seen.Contains(k.SourceId)))
            {
                if (await services.GetAsync(gone.ServiceId, cancellationToken) is { Status: not ServiceStatuses.Closed }
                    && await services.RetireAsync(gone.ServiceId, clock.GetUtcNow(), cancellationToken) is not null)
                {
                    tally.Closed++;
                }
            }
        }

        return new ImportReport
        {
            Feed = feed,
            Outcome = error is null ? ImportReport.Completed : ImportReport.Failed,
            Error = error,
            Pages = tally.Pages,
            Records = tally.Records,
            Created = tally.Created,
            Updated = tally.Updated,
            Unchanged = tally.Unchanged,
            Closed = tally.Closed,
            Rejected = tally.Rejected.Count,
            RejectedRecords = tally.Rejected,
            Notes = tally.Notes,
        };
    }

    /// <summary>The id an imported record's service has, on every run and every server.</summary>
    public static Guid ServiceIdOf(string feed, string sourceId) => StableIds.Of("import", feed + "\n" + sourceId);

    private async Task ImportAsync(string feed, MappedRecord mapped, Dictionary<string, ProvenanceRecord> known, HashSet<string> seen, Tally tally, CancellationToken cancellationToken)
    {
        var reasons = mapped.Reasons.ToList();
        if (mapped.SourceId is { } duplicate && !seen.Add(duplicate))
        {
            reasons.Add("Another record of the feed has the same id: only the first is taken.");
        }

        if (mapped.Body is { } checkedBody && reasons.Count == 0)
        {
            reasons.AddRange(DeclaredLimits.Broken(checkedBody).Select(b => b.Value));
            reasons.AddRange(ControlCharacters.FieldsWithControlCharacters(checkedBody).Select(ControlCharacters.Message));
            if (reasons.Count == 0)
            {
                var result = await validator.ValidateAsync(checkedBody, cancellationToken);
                reasons.AddRange(result.Errors.Select(e => e.ErrorMessage));
            }
        }

        if (mapped.Notes.Count > 0 && mapped.SourceId is not null)
        {
            tally.Notes.Add(new RecordNotes(mapped.SourceId, mapped.Notes));
        }

        if (reasons.Count > 0 || mapped.Body is null || mapped.SourceId is null)
        {
            // The service it would have changed, if any, stays as it was.
            tally.Rejected.Add(new RejectedRecord(mapped.SourceId, mapped.Name is { Length: > 120 } longName ? longName[..120] + "…" : mapped.Name, reasons.Distinct().ToList()));
            return;
        }

        var input = mapped.Body.ToDomain() with { VenuePostcode = Postcode.NormaliseFull(mapped.Body.VenuePostcode) };
        var id = ServiceIdOf(feed, mapped.SourceId);
        var now = clock.GetUtcNow();

        // Provenance first: a run stopped after it and before the service still finds the service by its id next time.
        if (!known.TryGetValue(mapped.SourceId, out var held) || held.ServiceId != id || held.SourceModified != mapped.SourceModified)
        {
            await provenance.SaveAsync(new ProvenanceRecord(feed, mapped.SourceId, id, mapped.SourceModified), cancellationToken);
        }

        var existing = await services.GetAsync(id, cancellationToken);
        if (existing is null)
        {
            if (await services.CreateWithIdAsync(id, input, now, cancellationToken) is not null)
            {
                tally.Created++;
            }
        }
        else if (Same(existing, input))
        {
            tally.Unchanged++;
        }
        else if (await services.ReplaceAsync(id, input, existing.Version, now, cancellationToken) is Data.ReplaceOutcome<Service>.Replaced)
        {
            tally.Updated++;
        }
        else
        {
            tally.Rejected.Add(new RejectedRecord(mapped.SourceId, mapped.Name, ["The service changed in the directory while it was being imported: run the import again."]));
        }
    }

    /// <summary>Whether the stored service already says what the record says (the directory's own fields aside).</summary>
    private static bool Same(Service stored, ServiceInput imported) =>
        JsonSerializer.Serialize<ServiceInput>(stored, Comparison) == JsonSerializer.Serialize(imported, Comparison);

    private sealed class Tally
    {
        public int Pages { get; set; }
        public int Records { get; set; }
        public int Created { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }
        public int Closed { get; set; }
        public List<RejectedRecord> Rejected { get; } = [];
        public List<RecordNotes> Notes { get; } = [];
    }
}
