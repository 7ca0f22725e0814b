namespace Referral.Data;

/// <summary>Brings the configured database to the schema this build expects, whichever provider holds it.</summary>
public interface IStorageMigrator
{
    /// <exception cref="StorageFaultException">The database cannot be reached, migrated or written.</exception>
    void Migrate();

    /// <summary>The scripts this build knows about that the database has not applied yet.</summary>
    IReadOnlyList<string> PendingScripts();
}
