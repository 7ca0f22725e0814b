using Referral.Api.Engine;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Referral.Api.Demo;
using Referral.Api.Features.Fhir;
using Referral.Api.Features.GpRecord;
using Referral.Api.Features.Health;
using Referral.Api.Features.Insights;
using Referral.Api.Features.Outcomes;
using Referral.Api.Features.Importing;
using Referral.Api.Features.Oruk;
using Referral.Api.Features.Profiles;
using Referral.Api.Features.Recommendations;
using Referral.Api.Features.Referrals;
using Referral.Api.Features.Services;
using Referral.Api.Features.ReferenceData;
using Referral.Api.Http;
using Referral.Api.Logging;
using Referral.Api.OpenApi;
using Referral.Api.Problems;
using Referral.Api.Search;
using Referral.Api.Security;
using Referral.Api.Validation;
using Referral.Data;
using Referral.Data.Directory;
using Referral.Domain.Referrals;
using Referral.Data.Changes;
using Referral.Data.Postgres;
using Referral.Data.Sqlite;

namespace Referral.Api;

/// <summary>Everything the host registers and maps, in one place.</summary>
public static class ReferralApiExtensions
{
    public static WebApplicationBuilder AddReferralApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddQueryRedactingLogging();
        services.AddReferralStorage(builder.Configuration, builder.Environment);

        // Ahead of the default writer, so that every error of a /fhir request is an OperationOutcome.
        services.AddSingleton<IProblemDetailsWriter, FhirProblemWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            // The framework answers a wrong Content-Type itself, without saying what it wanted.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Detail ??= "Send the body as JSON with Content-Type: application/json.";
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StorageFaultExceptionHandler>();
        services.AddSingleton<RequestContract>();
        // Binding failures throw, so that the handler above can explain them as problem+json.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

        RuleExtensions.UseJsonFieldNames();
        services.AddValidatorsFromAssemblyContaining<ServiceBodyValidator>(ServiceLifetime.Singleton);

        services.AddApiKeySecurity();
        services.AddReferralSecurityHeaders();
        // The server's name and version tell an attacker which advisories to try.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddSingleton<ApiKeyIssuer>();
        services.AddSingleton<MatchingDirectory>();
        services.AddSingleton<DirectorySearch>();
        services.AddSingleton<OrukCatalogue>();
        services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.Section));
        services.AddSingleton<OrukImporter>();
        services.AddSingleton<ImportJobs>();
        services.Configure<OrukOptions>(builder.Configuration.GetSection(OrukOptions.Section));
        services.AddSingleton<Recommender>();
        services.AddSingleton<ReferralWorkflow>();
        services.AddSingleton<SharedReferrals>();
        services.AddOptions<MatchingOptions>()
            .Bind(builder.Configuration.GetSection(MatchingOptions.Section))
            .Validate(
                o => o.TrackRecordRefresh >= TrackRecordDisclosure.MinimumRefresh,
                $"Matching:TrackRecordRefresh must be at least {TrackRecordDisclosure.MinimumRefresh:c} (the default is {TrackRecordDisclosure.DefaultRefresh:c}): shorter snapshots could tie a change to one referral.")
            .ValidateOnStart();
        services.AddHostedService<TrackRecordRefresher>();
        services.AddWriteRateLimiting(builder.Configuration);
        services.AddReferralHealthChecks();
        services.AddReferralOpenApi();
        return builder;
    }

    /// <summary>Strict JSON: a typo in a property name or a number sent as a string is an error, not silently dropped.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    /// <summary>Storage:Provider: sqlite (the default) or postgresql, with ConnectionStrings:Referral.</summary>
    public static IServiceCollection AddReferralStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        switch (StorageProvider.Of(configuration))
        {
            case StorageProvider.Postgresql:
                var options = configuration.GetSection(PostgresOptions.Section).Get<PostgresOptions>() ?? new PostgresOptions();
                return services.AddPostgresStorage(StorageProvider.PostgresConnectionString(configuration), options);
            default:
                var sqlite = configuration.GetSection(SqliteOptions.Section).Get<SqliteOptions>() ?? new SqliteOptions();
                return services.AddSqliteStorage(Path.GetFullPath(sqlite.Path, environment.ContentRootPath), sqlite);
        }
    }

    public static void MigrateDatabase(this IServiceProvider services) => services.GetRequiredService<IStorageMigrator>().Migrate();

    public static async Task PrepareAsync(this WebApplication app)
    {
        // Instances starting together on one database take turns here, so the demo data is
        // seeded once, by whichever comes first.
        await using (await app.Services.GetRequiredService<IStartupLock>().TakeAsync(default))
        {
            app.Services.MigrateDatabase();
            // Listening starts before the directory is read, so that another instance's change is
            // either in what is read or heard of afterwards.
            if (app.Services.GetService<IChangeSource>() is { } otherInstances)
            {
                await otherInstances.StartAsync(default);
            }

            if (app.Environment.IsDevelopment())
            {
                await DemoData.SeedAsync(app.Services);
            }
            else
            {
                await DemoData.WarnOfDemoKeysAsync(app.Services);
            }
        }

        await app.Services.GetRequiredService<MatchingDirectory>().LoadAsync(default);
        await app.Services.GetRequiredService<DirectorySearch>().LoadAsync(default);

        // Loading a large directory reads every stored document once; give that memory back to
        // the system now rather than carry it for the life of the process.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    public static WebApplication UseReferralApi(this WebApplication app)
    {
        app.UseReferralSecurityHeaders();
        app.UseMiddleware<OrukCors>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<RequestMediaType>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapOpenApi("/openapi/{documentName}.yaml").ServedAsApplicationYaml();
        if (SecurityHeaders.SwaggerUiEnabled(app.Configuration, app.Environment))
        {
            app.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint($"/openapi/{OpenApiSetup.DocumentName}.json", "Referral API v1");
                options.RoutePrefix = SecurityHeaders.SwaggerPath.TrimStart('/');
            });
        }

        var api = app.MapGroup(string.Empty).WithStandardProblems();
        api.MapHealthApi();
        api.MapVocabulariesApi();
        api.MapServicesApi();
        api.MapProfilesApi();
        api.MapReferralsApi();
        api.MapRecommendationsApi();
        api.MapGpRecordApi();
        api.MapOutcomesApi();
        api.MapInsightsApi();
        api.MapFhirApi();
        api.MapOrukApi();
        api.MapImportsApi();
        return app;
    }
}
