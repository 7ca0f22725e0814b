namespace Referral.Api.Features.Importing;

/// <summary>
/// The importer's limits (configuration section "Import"). A feed is somebody else's server:
/// every way it could hold an import up (size, pages, records, time, nesting, string length)
/// has a bound, and reaching one ends the import with a report saying which.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Host names (or IP addresses) feeds may be read from. A private or loopback address is only reached when that address itself is listed.</summary>
    public IList<string> AllowedHosts { get; init; } = [];

    /// <summary>
    /// Local folders whose ORUK files an admin may import through the API (the CLI reads any
    /// file its operator names). Relative to the content root; empty by default.
    /// </summary>
    public IList<string> Folders { get; init; } = [];

    /// <summary>The largest page (or file) read, in bytes.</summary>
    public long MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The most pages (or files) one import reads.</summary>
    public int MaxPages { get; set; } = 1000;

    /// <summary>The most records one import reads.</summary>
    public int MaxRecords { get; set; } = 100_000;

    /// <summary>How long a whole import may take.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one request to a feed may take, body included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The deepest JSON nesting read; ORUK's deepest is well under it.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>The longest string taken from a record: a longer one rejects the record.</summary>
    public int MaxStringLength { get; set; } = 10_000;

    /// <summary>How many services to ask a feed for per page.</summary>
    public int PerPage { get; set; } = 100;

    /// <summary>
    /// A mapping of other taxonomies' terms onto our vocabularies that an area has edited; when
    /// unset, the one shipped in db/seed/oruk-mapping.json.
    /// </summary>
    public string? MappingFile { get; set; }
}
