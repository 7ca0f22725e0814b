using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Referral.Data.Changes;
using Referral.Data.Demo;
using Referral.Data.Directory;
using Referral.Data.Idempotency;
using Referral.Data.Importing;
using Referral.Data.Insights;
using Referral.Data.Keys;
using Referral.Data.Outcomes;
using Referral.Data.Postgres;
using Referral.Data.Profiles;
using Referral.Data.Provenance;
using Referral.Data.Recommendations;
using Referral.Data.Referrals;
using Referral.Data.Sqlite;

namespace Referral.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the SQLite storage for a database file (already resolved to a full path).</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath, SqliteOptions? options = null)
    {
        services.AddStorageCommon();
        services.AddSingleton(provider => new SqliteConnectionFactory(databasePath, options, provider.GetRequiredService<StorageHealth>()));
        services.AddSingleton<SqliteMigrator>();
        services.AddSingleton<IStorageMigrator>(provider => provider.GetRequiredService<SqliteMigrator>());
        services.AddSingleton<IStorageReadiness, SqliteReadiness>();
        services.AddSingleton<IStartupLock, ProcessStartupLock>();
        services.AddSingleton<SqliteServiceRepository>();
        services.AddSingleton<IServiceRepository>(provider => new NotifyingServiceRepository(
            provider.GetRequiredService<SqliteServiceRepository>(), provider.GetRequiredService<ChangeFeed>()));
        services.AddSingleton<IImportProvenance, SqliteImportProvenance>();
        services.AddSingleton<IImportJobRepository, SqliteImportJobRepository>();
        services.AddSingleton<IApiKeyRepository, SqliteApiKeyRepository>();
        services.AddSingleton<IProfileRepository, SqliteProfileRepository>();
        services.AddSingleton<IReferralRepository, SqliteReferralRepository>();
        services.AddSingleton<IIdempotentResponses, SqliteIdempotentResponses>();
        services.AddSingleton<IRecommendationRepository, SqliteRecommendationRepository>();
        services.AddSingleton<IOutcomeRepository, SqliteOutcomeRepository>();
        services.AddSingleton<ISyntheticCohortStore, SqliteSyntheticCohortStore>();
        services.AddSingleton<IInsightsRepository, SqliteInsightsRepository>();
        return services;
    }

    /// <summary>
    /// Registers the PostgreSQL storage. The connection string's user should own the database and
    /// must not be a superuser: superusers are not subject to row-level security.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString, PostgresOptions? options = null)
    {
        services.AddStorageCommon();
        services.AddSingleton(provider => new PostgresConnectionFactory(connectionString, options, provider.GetRequiredService<StorageHealth>()));
        services.AddSingleton<PostgresMigrator>();
        services.AddSingleton<IStorageMigrator>(provider => provider.GetRequiredService<PostgresMigrator>());
        services.AddSingleton<IStorageReadiness, PostgresReadiness>();
        services.AddSingleton<IStartupLock, PostgresStartupLock>();
        services.AddSingleton<IChangeSource, PostgresChangeListener>();
        services.AddSingleton<PostgresServiceRepository>();
        services.AddSingleton<IServiceRepository>(provider => new NotifyingServiceRepository(
            provider.GetRequiredService<PostgresServiceRepository>(), provider.GetRequiredService<ChangeFeed>()));
        services.AddSingleton<IImportProvenance, PostgresImportProvenance>();
        services.AddSingleton<IImportJobRepository, PostgresImportJobRepository>();
        services.AddSingleton<IApiKeyRepository, PostgresApiKeyRepository>();
        services.AddSingleton<IProfileRepository, PostgresProfileRepository>();
        services.AddSingleton<IReferralRepository, PostgresReferralRepository>();
        services.AddSingleton<IIdempotentResponses, PostgresIdempotentResponses>();
        services.AddSingleton<IRecommendationRepository, PostgresRecommendationRepository>();
        services.AddSingleton<IOutcomeRepository, PostgresOutcomeRepository>();
        services.AddSingleton<ISyntheticCohortStore, PostgresSyntheticCohortStore>();
        services.AddSingleton<IInsightsRepository, PostgresInsightsRepository>();
        return services;
    }

    private static void AddStorageCommon(this IServiceCollection services)
    {
        TypeHandlers.Register();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageHealth>();
        services.AddSingleton(_ => ReferenceData.LoadPostcodeDistricts());
        services.AddSingleton<ChangeFeed>();
    }
}
