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
using Referral.Data.Profiles;
using Referral.Data.Provenance;
using Referral.Data.Recommendations;
using Referral.Data.Referrals;
using Referral.Data.Sqlite;
using Referral.Domain.Geography;

namespace Referral.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the SQLite storage for a database file (already resolved to a full path).</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath, SqliteOptions? options = null)
    {
        TypeHandlers.Register();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageHealth>();
        services.AddSingleton(provider => new SqliteConnectionFactory(databasePath, options, provider.GetRequiredService<StorageHealth>()));
        services.AddSingleton<SqliteMigrator>();
        services.AddSingleton<IStorageReadiness, SqliteReadiness>();
        services.AddSingleton(_ => ReferenceData.LoadPostcodeDistricts());
        services.AddSingleton<ChangeFeed>();
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
        services.AddSingleton<SyntheticCohortStore>();
        services.AddSingleton<IInsightsRepository, SqliteInsightsRepository>();
        return services;
    }
}
