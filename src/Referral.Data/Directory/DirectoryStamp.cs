namespace Referral.Data.Directory;

/// <summary>
/// Where the directory as a whole stands: a revision that every service write raises in its own
/// transaction (db/sqlite/0007), so any process sharing the database moves it, and the moment the
/// database began counting, which tells apart two databases that reach the same revision.
/// </summary>
public sealed record DirectoryStamp(long Revision, string Since);
