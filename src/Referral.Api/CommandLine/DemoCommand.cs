using System.CommandLine;
using Referral.Api.Demo;
using Referral.Data.Demo;
using Referral.Data.Profiles;

namespace Referral.Api.CommandLine;

/// <summary>
/// `demo simulate`: fills the configured database with a synthetic cohort for demos and for
/// trying the insights. Development only: it refuses to run in any other environment, so a
/// production database never receives invented patients.
/// </summary>
public static class DemoCommand
{
    public static Command Create() => new("demo", "Demo data (Development only)") { Simulate() };

    private static Command Simulate()
    {
        var referrals = new Option<int>("--referrals") { Description = "How many referrals to simulate (one profile each)", DefaultValueFactory = _ => 5000 };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed makes the same cohort", DefaultValueFactory = _ => 1 };
        var simulate = new Command("simulate", "Write a synthetic cohort: profiles, referrals, endorsements, events and outcomes with stated effects") { referrals, seed };
        simulate.SetAction((result, cancellationToken) => CommandServices.RunAsync(async services =>
        {
            if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
            {
                await Console.Error.WriteLineAsync("demo simulate runs in the Development environment only (ASPNETCORE_ENVIRONMENT=Development).");
                return 2;
            }

            var count = result.GetValue(referrals);
            if (count is < 1 or > 1_000_000)
            {
                await Console.Error.WriteLineAsync("--referrals must be from 1 to 1000000.");
                return 2;
            }

            await SimulateAsync(services, count, result.GetValue(seed), cancellationToken);
            Console.WriteLine($"Simulated {count} referrals (seed {result.GetValue(seed)}).");
            return 0;
        }));
        return simulate;
    }

    public static async Task SimulateAsync(IServiceProvider services, int count, int seed, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ISyntheticCohortStore>();
        var profiles = services.GetRequiredService<IProfileRepository>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var active = await store.ActiveServicesAsync(cancellationToken);
        if (active.Count == 0)
        {
            throw new InvalidOperationException("The directory has no active service to refer to: start the API once in Development to seed it.");
        }

        var cohort = new SyntheticCohort(seed, now);
        var batch = new List<SyntheticReferral>();
        for (var i = 0; i < count; i++)
        {
            var input = cohort.Profile(i);
            var odsIndex = i % SyntheticCohort.Practices.Count;
            var profile = await profiles.CreateAsync(SyntheticCohort.Practices[odsIndex], null, input, now, cancellationToken)
                ?? throw new InvalidOperationException($"Profile {input.PatientRef} exists already: simulate with another --seed.");
            batch.Add(cohort.Referral(profile.Id, input, active[i % active.Count]) with { OdsCode = profile.OdsCode });
            if (batch.Count == 1000)
            {
                await store.WriteAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        await store.WriteAsync(batch, cancellationToken);
    }
}
