using Microsoft.Extensions.Options;

namespace Referral.Api.Engine;

/// <summary>Takes a track-record snapshot every Matching:TrackRecordRefresh, on the injected clock.</summary>
public sealed partial class TrackRecordRefresher(
    MatchingDirectory directory, IOptions<MatchingOptions> options, TimeProvider clock, ILogger<TrackRecordRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TrackRecordRefresh, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await directory.RefreshTrackRecordsAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The previous snapshot stays in use; the next tick tries again.
                    LogFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Taking a track-record snapshot failed; the previous one stays in use.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
