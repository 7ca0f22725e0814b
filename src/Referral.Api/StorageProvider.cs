using Referral.Data;

namespace Referral.Api;

/// <summary>Which database the API keeps its data in (Storage:Provider), and how it finds a PostgreSQL one.</summary>
public static class StorageProvider
{
    public const string Key = "Storage:Provider";
    public const string Sqlite = "sqlite";
    public const string Postgresql = "postgresql";
    public const string ConnectionStringName = "Referral";

    public static string Of(IConfiguration configuration)
    {
        var provider = configuration[Key];
        return provider?.Trim().ToLowerInvariant() switch
        {
            null or "" or Sqlite => Sqlite,
            Postgresql or "postgres" => Postgresql,
            _ => throw new StorageFaultException(StorageFaultKind.Unavailable, "(not configured)",
                $"{Key} is '{provider}'; it must be '{Sqlite}' (the default) or '{Postgresql}'"),
        };
    }

    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new StorageFaultException(StorageFaultKind.Unavailable, "(not configured)",
                $"{Key} is '{Postgresql}' but ConnectionStrings:{ConnectionStringName} is not set");
}
