using System.Collections.Concurrent;

namespace Referral.Api.Features.Importing;

/// <summary>An import as the API shows it: running with its progress, then its report.</summary>
public sealed record ImportJobView(Guid Id, string Source, string Status, int Pages, int Records, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, ImportReport? Report)
{
    public const string Running = "running";
}

/// <summary>
/// Imports started through the API, run one at a time in the background (two imports of one
/// feed at once could race on its services). Jobs are held in memory: a restart forgets them,
/// and an import cut short by one converges when run again.
/// </summary>
public sealed class ImportJobs(OrukImporter importer, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ImportJobs> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ImportJobView> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public ImportJobView Start(string source)
    {
        var job = new ImportJobView(Guid.NewGuid(), source, ImportJobView.Running, 0, 0, clock.GetUtcNow(), null, null);
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job), CancellationToken.None);
        return job;
    }

    public ImportJobView? Find(Guid id) => _jobs.GetValueOrDefault(id);

    public void Dispose() => _oneAtATime.Dispose();

    private async Task RunAsync(ImportJobView job)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await _oneAtATime.WaitAsync(stopping);
            try
            {
                var progress = new Progress<ImportProgress>(p => _jobs[job.Id] = _jobs[job.Id] with { Pages = p.Pages, Records = p.Records });
                var report = await importer.RunAsync(job.Source, progress, stopping);
                _jobs[job.Id] = job with { Status = report.Outcome, Pages = report.Pages, Records = report.Records, FinishedAt = clock.GetUtcNow(), Report = report };
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (OperationCanceledException)
        {
            _jobs[job.Id] = job with { Status = ImportReport.Failed, FinishedAt = clock.GetUtcNow(), Report = Failure(job, "The server stopped during the import; run it again.") };
        }
#pragma warning disable CA1031 // A background job reports every failure in its resource rather than losing it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ImportLog.Failed(logger, job.Id, e.GetType().Name);
            _jobs[job.Id] = job with { Status = ImportReport.Failed, FinishedAt = clock.GetUtcNow(), Report = Failure(job, "The import failed inside the server; the records before the failure were applied. Run it again.") };
        }
    }

    private static ImportReport Failure(ImportJobView job, string error) =>
        new() { Feed = FeedReader.FeedName(job.Source), Outcome = ImportReport.Failed, Error = error };
}

internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} failed with {Exception}")]
    public static partial void Failed(ILogger logger, Guid jobId, string exception);
}
