namespace Referral.Api.Features.Importing;

/// <summary>A record the import left out, with every reason.</summary>
public sealed record RejectedRecord(string? SourceId, string? Name, IReadOnlyList<string> Reasons);

/// <summary>A record the import took, with what it could not take from it (unknown terms, values that cannot be true).</summary>
public sealed record RecordNotes(string SourceId, IReadOnlyList<string> Notes);

/// <summary>What an import did. Outcome is completed, or failed with the reason in error (records before it were still applied; nothing was closed).</summary>
public sealed record ImportReport
{
    public required string Feed { get; init; }
    public required string Outcome { get; init; }
    public string? Error { get; init; }
    public int Pages { get; init; }
    public int Records { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int Closed { get; init; }
    public int Rejected { get; init; }
    public IReadOnlyList<RejectedRecord> RejectedRecords { get; init; } = [];
    public IReadOnlyList<RecordNotes> Notes { get; init; } = [];

    public const string Completed = "completed";
    public const string Failed = "failed";
}

/// <summary>Thrown when a feed cannot be read within the limits: the import stops, and the report says why.</summary>
public sealed class FeedException(string message) : Exception(message)
{
    public FeedException()
        : this("The feed could not be read.")
    {
    }

    public FeedException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}
