using System.CommandLine;
using Referral.Data;
using Referral.Data.Postgres;

namespace Referral.Api.CommandLine;

/// <summary>
/// `storage compact`: makes past erasures physical on PostgreSQL, where deleted and overwritten
/// rows stay in the tables' files until they are rewritten (PostgresCompaction). It locks each
/// table while it rewrites it, so an operator schedules it for a quiet hour. SQLite needs no
/// such step: it overwrites deleted content as it goes (secure_delete).
/// </summary>
public static class StorageCommand
{
    public static Command Create() => new("storage", "Storage maintenance") { Compact() };

    private static Command Compact()
    {
        var compact = new Command("compact", "Rewrite the tables that hold personal data, so that erased rows leave nothing in the database's files (PostgreSQL)");
        compact.SetAction((_, cancellationToken) => CommandServices.RunAsync(async services =>
        {
            if (services.GetService<PostgresConnectionFactory>() is not { } postgres)
            {
                Console.WriteLine("Nothing to do: SQLite overwrites erased content as it deletes it.");
                return 0;
            }

            try
            {
                await PostgresCompaction.CompactAsync(postgres.ConnectionString, cancellationToken);
            }
            catch (Exception e) when (PostgresErrors.AsStorageFault(e, postgres.Database) is { } fault)
            {
                throw fault;
            }

            Console.WriteLine($"Compacted {string.Join(", ", PostgresCompaction.PersonalTables)}.");
            return 0;
        }));
        return compact;
    }
}
