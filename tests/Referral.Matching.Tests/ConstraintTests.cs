using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>Each hard constraint, on a service that fails only that one, is counted under its own reason.</summary>
public sealed class ConstraintTests
{
    private static readonly ServiceSpec Local = new();

    public static TheoryData<string, ServiceSpec, Patient> FailsOneRule => new()
    {
        { "not-active", Local with { Status = "paused" }, Patients.InLeeds },
        { "not-active", Local with { Status = "closed" }, Patients.InLeeds },
        { "age", Local with { MinAge = 50 }, Patients.InLeeds },
        { "age", Local with { MaxAge = 45 }, Patients.InLeeds },
        { "gender", Local with { Gender = "women" }, Patients.InLeeds with { Gender = "man" } },
        { "gender", Local with { Gender = "men" }, Patients.InLeeds with { Gender = "woman" } },
        { "full", Local with { Capacity = "full" }, Patients.InLeeds },
        { "other-needs", Local with { Conditions = ["loneliness"] }, Patients.InLeeds with { Conditions = ["diabetes"] } },
        { "avoided-format", Local, Patients.InLeeds with { AvoidFormats = ["in-person-group"] } },
        { "too-far", Local with { Venue = Places.Bradford }, Patients.InLeeds },
        { "too-far", Local with { Venue = null }, Patients.InLeeds },
        { "too-far", Local, Patients.InLeeds with { Location = null } },
        { "out-of-area", Local with { Venue = Places.LeedsSouth, RadiusKm = 1 }, Patients.InLeeds },
        { "out-of-area", Local with { Formats = ["online-group"], Venue = Places.Bradford, RemoteRadiusKm = 5 }, Patients.InLeeds },
        { "cost", Local with { Cost = "paid" }, Patients.InLeeds with { CostLimit = "low-cost" } },
        { "cost", Local with { Cost = "low-cost" }, Patients.InLeeds with { CostLimit = "free" } },
        { "language", Local, Patients.InLeeds with { Languages = ["pl"], NeedsInterpreter = true } },
        { "language", Local with { Languages = ["cy"] }, Patients.InLeeds },
        { "access", Local, Patients.InLeeds with { AccessibilityNeeds = ["step-free-access"] } },
    };

    [Theory]
    [MemberData(nameof(FailsOneRule))]
    public void A_service_failing_one_rule_is_excluded_and_counted_under_that_reason(string reason, ServiceSpec service, Patient patient)
    {
        var result = Engine.Rank(patient, service);

        Assert.Empty(result.Items);
        Assert.Equal(Oracle.ReasonCodes, result.Exclusions.Keys);
        Assert.All(result.Exclusions, e => Assert.Equal(e.Key == reason ? 1 : 0, e.Value));
    }

    [Fact]
    public void Without_the_failing_rule_the_same_service_is_offered()
    {
        // The control for the theory above: the base service and patient match.
        var result = Engine.Rank(Patients.InLeeds, Local);

        Assert.Single(result.Items);
        Assert.All(result.Exclusions.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public void A_service_failing_several_rules_is_counted_once_under_the_first()
    {
        var result = Engine.Rank(Patients.InLeeds with { CostLimit = "free" }, Local with { Status = "paused", Capacity = "full", Cost = "paid" });

        Assert.Equal(1, result.Exclusions["not-active"]);
        Assert.Equal(1, result.Exclusions.Values.Sum());
    }

    [Fact]
    public void Counts_add_up_across_a_directory()
    {
        var result = Engine.Rank(
            Patients.InLeeds,
            Local with { Id = Ids.Of(1), Status = "paused" },
            Local with { Id = Ids.Of(2), Status = "closed" },
            Local with { Id = Ids.Of(3), Capacity = "full" },
            Local with { Id = Ids.Of(4) });

        Assert.Equal(2, result.Exclusions["not-active"]);
        Assert.Equal(1, result.Exclusions["full"]);
        Assert.Single(result.Items);
        Assert.Equal(4, result.CandidatesConsidered);
    }

    [Fact]
    public void Age_limits_are_inclusive_and_counted_from_the_match_year()
    {
        // Born 1980, matched in 2026: 46.
        Assert.Single(Engine.Rank(Patients.InLeeds, Local with { MinAge = 46, MaxAge = 46 }).Items);
        Assert.Empty(MatchingEngine.Rank(Patients.InLeeds, Engine.DirectoryOf(Local with { MaxAge = 46 }), 5, new DateOnly(2027, 1, 1)).Items);
    }

    [Fact]
    public void A_waiting_list_does_not_exclude()
    {
        Assert.Single(Engine.Rank(Patients.InLeeds, Local with { Capacity = "waitlist" }).Items);
    }

    [Fact]
    public void A_service_with_some_formats_avoided_is_offered_in_the_others()
    {
        var result = Engine.Rank(Patients.InLeeds with { AvoidFormats = ["in-person-group"] }, Local with { Formats = ["in-person-group", "messages"] });

        Assert.Equal(["messages"], result.Items.Single().Formats);
    }

    [Fact]
    public void A_national_service_is_not_limited_by_its_radius()
    {
        Assert.Single(Engine.Rank(Patients.InLeeds, Local with { Venue = Places.LeedsSouth, National = true, RadiusKm = null }).Items);
    }

    [Fact]
    public void Without_an_interpreter_need_English_counts_as_a_shared_language()
    {
        Assert.Single(Engine.Rank(Patients.InLeeds with { Languages = ["pl"] }, Local).Items);
    }

    [Fact]
    public void A_mixed_service_whose_venue_lacks_an_access_need_is_offered_for_its_remote_formats()
    {
        var result = Engine.Rank(
            Patients.InLeeds with { AccessibilityNeeds = ["step-free-access"] },
            Local with { Formats = ["in-person-group", "online-group"] });

        var item = result.Items.Single();
        Assert.Equal(["online-group"], item.Formats);
        Assert.Contains("does not have step-free access, so it is offered to you as online group only", item.Factors.Single(f => f.Factor == "language-and-access").Reason);
    }

    [Fact]
    public void A_remote_only_service_is_not_checked_for_distance_or_venue_access()
    {
        var result = Engine.Rank(
            Patients.InLeeds with { AccessibilityNeeds = ["step-free-access"] },
            Local with { Formats = ["one-to-one-remote"], Venue = Places.Truro, RadiusKm = 5 });

        Assert.Single(result.Items);
    }
}
