using System.Text.Json;
using Referral.Data;
using Referral.Data.Importing;

namespace Referral.Api.Features.Importing;

/// <summary>An import as the API shows it: running with its progress, then its report.</summary>
public sealed record ImportJobView(Guid Id, string Source, string Status, int Pages, int Records, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, ImportReport? Report)
{
    public const string Running = "running";
}

/// <summary>
/// Imports started through the API, run one at a time per instance in the background (two
/// imports of one feed at once could race on its services). Jobs are stored, so whichever
/// instance a load balancer sends the GET to answers it, and a restart forgets nothing; an
/// import cut short converges when run again.
/// </summary>
public sealed class ImportJobs(OrukImporter importer, IImportJobRepository store, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ImportJobs> logger) : IDisposable
{
    /// <summary>How often the instance running a job writes its progress, which also says it is alive.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>A running job not heard from for this long was cut off with its server (six missed heartbeats).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    public const string CutOff = "The server running this import stopped before it finished; the records before it stopped were applied. Run it again.";

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<ImportJobView> StartAsync(string source, CancellationToken cancellationToken)
    {
        var job = new ImportJobView(Guid.NewGuid(), source, ImportJobView.Running, 0, 0, clock.GetUtcNow(), null, null);
        await store.CreateAsync(Record(job), cancellationToken);
        _ = Task.Run(() => RunAsync(job), CancellationToken.None);
        return job;
    }

    public async Task<ImportJobView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } stored)
        {
            return null;
        }

        var job = new ImportJobView(
            stored.Id, stored.Source, stored.Status, stored.Pages, stored.Records, stored.StartedAt, stored.FinishedAt,
            stored.Report is null ? null : JsonSerializer.Deserialize<ImportReport>(stored.Report, ReportJson));
        return job.Status == ImportJobView.Running && clock.GetUtcNow() - stored.HeardAt > StaleAfter
            ? job with { Status = ImportReport.Failed, Report = Failure(job, CutOff) }
            : job;
    }

    public void Dispose() => _oneAtATime.Dispose();

    private async Task RunAsync(ImportJobView job)
    {
        var latest = new LatestProgress(job);
        using var beating = new CancellationTokenSource();
        var heartbeat = BeatAsync(latest, beating.Token);
        var stopping = lifetime.ApplicationStopping;
        ImportJobView finished;
        try
        {
            await _oneAtATime.WaitAsync(stopping);
            try
            {
                var progress = new Progress<ImportProgress>(p => latest.Job = job with { Pages = p.Pages, Records = p.Records });
                var report = await importer.RunAsync(job.Source, progress, stopping);
                finished = job with { Status = report.Outcome, Pages = report.Pages, Records = report.Records, FinishedAt = clock.GetUtcNow(), Report = report };
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (OperationCanceledException)
        {
            finished = job with { Status = ImportReport.Failed, FinishedAt = clock.GetUtcNow(), Report = Failure(job, "The server stopped during the import; run it again.") };
        }
#pragma warning disable CA1031 // A background job reports every failure in its resource rather than losing it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ImportLog.Failed(logger, job.Id, e.GetType().Name);
            finished = job with { Status = ImportReport.Failed, FinishedAt = clock.GetUtcNow(), Report = Failure(job, "The import failed inside the server; the records before the failure were applied. Run it again.") };
        }

        // The heartbeat stops first, so that its last write cannot land over the outcome.
        await beating.CancelAsync();
        await heartbeat;
        await SaveAsync(finished);
    }

    private async Task BeatAsync(LatestProgress latest, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await SaveAsync(latest.Job);
            }
        }
        catch (OperationCanceledException)
        {
            // The import is over: its outcome is written next.
        }
    }

    private async Task SaveAsync(ImportJobView job)
    {
        try
        {
            // Never cancelled by shutdown: an outcome that is known is worth the moment it takes to write.
            await store.SaveAsync(Record(job), CancellationToken.None);
        }
        catch (StorageFaultException fault)
        {
            // A missed write only ages the job: readers report it cut off once it is stale.
            ImportLog.NotSaved(logger, job.Id, fault.Message);
        }
    }

    private ImportJobRecord Record(ImportJobView job) => new(
        job.Id, job.Source, job.Status, job.Pages, job.Records, job.StartedAt, job.FinishedAt, clock.GetUtcNow(),
        job.Report is null ? null : JsonSerializer.Serialize(job.Report, ReportJson));

    /// <summary>The job as the importer last reported it, read by the heartbeat on another thread.</summary>
    private sealed class LatestProgress(ImportJobView job)
    {
        private ImportJobView _job = job;

        public ImportJobView Job
        {
            get => Volatile.Read(ref _job);
            set => Volatile.Write(ref _job, value);
        }
    }

    private static ImportReport Failure(ImportJobView job, string error) =>
        new() { Feed = FeedReader.FeedName(job.Source), Outcome = ImportReport.Failed, Error = error, Pages = job.Pages, Records = job.Records };
}

internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} failed with {Exception}")]
    public static partial void Failed(ILogger logger, Guid jobId, string exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {JobId}: its progress could not be stored ({Fault})")]
    public static partial void NotSaved(ILogger logger, Guid jobId, string fault);
}
