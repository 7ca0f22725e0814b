namespace Referral.Data.Importing;

/// <summary>An import_jobs row as every provider reads it.</summary>
internal sealed class ImportJobRow
{
    public const string Columns =
        "id AS Id, source AS Source, status AS Status, pages AS Pages, records AS Records, started_at AS StartedAt, finished_at AS FinishedAt, heard_at AS HeardAt, report AS Report";

    public Guid Id { get; init; }
    public string Source { get; init; } = string.Empty;
    public string Status { get; init; } = string.Empty;
    public int Pages { get; init; }
    public int Records { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public DateTimeOffset HeardAt { get; init; }
    public string? Report { get; init; }

    public ImportJobRecord ToRecord() => new(Id, Source, Status, Pages, Records, StartedAt, FinishedAt, HeardAt, Report);
}
