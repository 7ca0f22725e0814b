namespace Referral.Data.Directory;

/// <summary>
/// Where the directory as a whole stands, read from the rows themselves, so that any process
/// sharing the database (another instance, an importer) moves it. Nothing is deleted and every
/// write adds a row or raises a version, so Services and Versions only grow: two different states
/// of one database never have the same stamp. LastUpdated tells apart a database rebuilt from
/// scratch that happens to reach the same counts.
/// </summary>
public sealed record DirectoryStamp(long Services, long Versions, string? LastUpdated);
