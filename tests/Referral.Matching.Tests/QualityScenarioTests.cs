using Referral.Domain.Personality;
using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>
/// What a GP noticed at once when trying the engine on a directory and patients no one on the
/// project wrote (issue 15): relevance first, neutral under unknowns, a real choice, reasons that
/// agree with the scores, and a vocabulary that covers real referrals.
/// </summary>
public sealed class QualityScenarioTests
{
    private static readonly ServiceSpec National = new() { Venue = null, National = true, RadiusKm = null, Schedule = [] };

    private static Match Item(MatchResult result, Guid id) => result.Items.Single(i => i.ServiceId == id);

    private static FactorScore Factor(Match item, string factor) => item.Factors.Single(f => f.Factor == factor);

    [Fact]
    public void A_befriending_line_for_loneliness_is_not_offered_to_a_patient_with_diabetes_who_never_mentioned_loneliness_however_good_its_evidence()
    {
        var patient = Patients.InLeeds with { Conditions = ["diabetes"], Communities = ["carers"] };
        var befriending = National with
        {
            Id = Ids.Of(1), Name = "Befriending line", Organisation = "Befrienders", Conditions = ["loneliness"], Formats = ["one-to-one-remote"],
            Evidence = "trial", Accreditations = ["Helplines Standard"],
        };
        var diabetes = new ServiceSpec { Id = Ids.Of(2), Name = "Diabetes peer group", Organisation = "Diabetes Leeds", Conditions = ["diabetes"], Evidence = "none" };
        var carers = National with { Id = Ids.Of(3), Name = "Carers' circle", Organisation = "Carers Leeds", Conditions = ["dementia"], Communities = ["carers"], Formats = ["online-group"] };
        var open = National with { Id = Ids.Of(4), Name = "Open peer line", Organisation = "Open Line", Formats = ["messages"] };

        var result = Engine.Rank(patient, befriending, diabetes, carers, open);

        Assert.DoesNotContain(result.Items, i => i.ServiceId == Ids.Of(1));
        Assert.Equal(1, result.Exclusions["other-needs"]);
        // For one of the patient's communities, or open to any condition: relevant.
        Assert.Equal([Ids.Of(2), Ids.Of(3), Ids.Of(4)], result.Items.Select(i => i.ServiceId).Order());
    }

    [Fact]
    public void For_a_first_time_user_with_no_stated_preference_a_local_group_for_their_condition_3_km_away_is_in_the_first_three_and_time_and_format_are_neutral()
    {
        var patient = Patients.InLeeds with
        {
            HasUsedPeerSupport = false,
            Conditions = ["depression"],
            Personality = new TipiTraits(4, 4, 4, 4, 4),
        };
        var local = new ServiceSpec { Id = Ids.Of(9), Name = "Headingley depression group", Organisation = "Headingley Peers", Conditions = ["depression"], Venue = Places.Headingley };
        var remote = new[] { "one-to-one-remote", "messages", "online-community", "online-group", "one-to-one-remote" }
            .Select((format, n) => National with { Id = Ids.Of(n + 1), Name = $"National {format} {n}", Organisation = $"National charity {n}", Conditions = ["depression"], Formats = [format] })
            .ToArray();

        var result = Engine.Rank(patient, [.. remote, local]);

        Assert.Contains(Ids.Of(9), result.Items.Take(3).Select(i => i.ServiceId));
        // No availability and a middling extraversion: every service alike on time and format.
        Assert.All(result.Items, i => Assert.Equal(0.5, Factor(i, "convenient-time").Score));
        Assert.All(result.Items, i => Assert.Equal(0.5, Factor(i, "preferred-format").Score));
        Assert.Equal("You did not say when you are free, so this is neutral.", Factor(Item(result, Ids.Of(2)), "convenient-time").Reason);
    }

    [Fact]
    public void Middling_personality_answers_leave_every_format_neutral_and_only_the_ends_of_the_scale_separate_them()
    {
        var formats = new[] { "in-person-group", "online-group", "one-to-one-in-person", "one-to-one-remote", "online-community", "messages" };
        var services = formats.Select((f, n) => new ServiceSpec { Id = Ids.Of(n + 1), Organisation = $"Charity {n}", Formats = [f] }).ToArray();
        IReadOnlyList<double> Fit(double extraversion)
        {
            var result = Engine.Rank(Patients.InLeeds with { Personality = new TipiTraits(extraversion, 4, 4, 4, 4) }, services);
            return services.Select(s => Factor(Item(result, s.Id), "preferred-format").Score).ToList();
        }

        Assert.All(Fit(4), fit => Assert.Equal(0.5, fit));
        Assert.All(Fit(5), fit => Assert.InRange(fit, 0.44, 0.56));
        Assert.All(Fit(3), fit => Assert.InRange(fit, 0.44, 0.56));
        var outgoing = Fit(7);
        Assert.Equal(1.0, outgoing[0], 12);
        Assert.Equal(0.0, outgoing[5], 12);
        var reserved = Fit(1);
        Assert.Equal(0.0, reserved[0], 12);
        Assert.Equal(1.0, reserved[5], 12);
    }

    [Fact]
    public void An_outgoing_patient_is_told_support_messages_may_not_suit_them_never_that_they_do()
    {
        var result = Engine.Rank(
            Patients.InLeeds with { Personality = new TipiTraits(6.5, 4, 4, 4, 4) },
            National with { Formats = ["messages"] });

        var format = Factor(result.Items.Single(), "preferred-format");
        Assert.True(format.Score < 0.4, $"{format.Score}");
        Assert.Equal("Support messages may not suit someone outgoing, from your personality answers.", format.Reason);
    }

    [Fact]
    public void A_mid_extraversion_patient_is_not_told_an_in_person_group_suits_them()
    {
        var result = Engine.Rank(Patients.InLeeds with { Personality = new TipiTraits(4, 4, 4, 4, 4) }, new ServiceSpec());

        Assert.Equal(
            "Your personality answers favour no format over another, so this is close to neutral.",
            Factor(result.Items.Single(), "preferred-format").Reason);
    }

    [Fact]
    public void No_more_than_two_of_the_first_three_come_from_one_organisation()
    {
        // Three strong Leeds Mind groups, and a slightly weaker group from another charity.
        var mind = Enumerable.Range(1, 3)
            .Select(n => new ServiceSpec { Id = Ids.Of(n), Organisation = n == 2 ? "LEEDS MIND." : "Leeds Mind", Evidence = "trial", Formats = ["in-person-group", "online-group"] })
            .ToArray();
        var other = new ServiceSpec { Id = Ids.Of(4), Organisation = "Carers Leeds", Evidence = "independent-evaluation", Formats = ["in-person-group", "online-group"] };

        var result = Engine.Rank(Patients.InLeeds, [.. mind, other]);

        Assert.Equal([Ids.Of(1), Ids.Of(2), Ids.Of(4), Ids.Of(3)], result.Items.Select(i => i.ServiceId));
        var move = Assert.Single(result.Variety);
        Assert.Equal(("organisations", Ids.Of(4), 3), (move.Rule, move.ServiceId, move.Rank));
        Assert.Equal("Moved up to 3rd place so that no more than two of the first three come from Leeds Mind.", move.Reason);
    }

    [Fact]
    public void A_service_the_patient_can_attend_in_person_is_moved_into_the_first_three_when_remote_services_score_higher()
    {
        var remote = Enumerable.Range(1, 4)
            .Select(n => National with { Id = Ids.Of(n), Organisation = $"National {n}", Formats = ["one-to-one-remote"], Evidence = "trial" })
            .ToArray();
        var local = new ServiceSpec { Id = Ids.Of(5), Organisation = "Local", Evidence = "none", Venue = Places.LeedsSouth };

        var result = Engine.Rank(Patients.InLeeds, [.. remote, local]);

        Assert.Equal(Ids.Of(5), result.Items[2].ServiceId);
        Assert.Equal("Moved up to 3rd place so that the first three include a service you can attend in person.", Assert.Single(result.Variety).Reason);
    }

    [Fact]
    public void A_women_only_group_is_offered_to_a_woman_and_to_a_patient_who_chose_not_to_record_a_gender_but_not_to_a_man()
    {
        var womenOnly = new ServiceSpec { Gender = "women" };

        Assert.Single(Engine.Rank(Patients.InLeeds with { Gender = "woman" }, womenOnly).Items);
        Assert.Single(Engine.Rank(Patients.InLeeds, womenOnly).Items);
        Assert.Single(Engine.Rank(Patients.InLeeds with { Gender = "non-binary" }, womenOnly).Items);
        var man = Engine.Rank(Patients.InLeeds with { Gender = "man" }, womenOnly);
        Assert.Empty(man.Items);
        Assert.Equal(1, man.Exclusions["gender"]);
        Assert.Equal(1, Engine.Rank(Patients.InLeeds with { Gender = "woman" }, new ServiceSpec { Gender = "men" }).Exclusions["gender"]);
    }

    [Fact]
    public void A_wheelchair_user_is_not_offered_a_venue_that_is_only_step_free_but_is_offered_a_wheelchair_accessible_one()
    {
        var wheelchairUser = Patients.InLeeds with { AccessibilityNeeds = ["wheelchair-accessible"] };

        var result = Engine.Rank(
            wheelchairUser,
            new ServiceSpec { Id = Ids.Of(1), Accessibility = ["step-free-access"] },
            new ServiceSpec { Id = Ids.Of(2), Accessibility = ["wheelchair-accessible"] });

        Assert.Equal([Ids.Of(2)], result.Items.Select(i => i.ServiceId));
        Assert.Equal(1, result.Exclusions["access"]);
        // A wheelchair-accessible venue is step-free too.
        Assert.Single(Engine.Rank(Patients.InLeeds with { AccessibilityNeeds = ["step-free-access"] }, new ServiceSpec { Accessibility = ["wheelchair-accessible"] }).Items);
    }

    [Fact]
    public void A_local_groups_online_sessions_for_its_own_area_are_not_offered_to_a_patient_in_another_city()
    {
        var leedsOnline = new ServiceSpec { Formats = ["in-person-group", "online-group"], Venue = Places.LeedsCentre, RadiusKm = 15, RemoteRadiusKm = 15 };

        var inManchester = Engine.Rank(Patients.InLeeds with { Location = Places.Manchester, MaxTravelKm = 100 }, leedsOnline);
        var inHeadingley = Engine.Rank(Patients.InLeeds with { Location = Places.Headingley, AccessibilityNeeds = ["hearing-loop"] }, leedsOnline);

        Assert.Empty(inManchester.Items);
        Assert.Equal(1, inManchester.Exclusions["out-of-area"]);
        // Within the area, its online sessions are offered even where the venue does not suit.
        Assert.Equal(["online-group"], inHeadingley.Items.Single().Formats);
    }

    [Fact]
    public void A_patient_living_with_HIV_is_matched_to_an_HIV_peer_support_group_for_their_condition()
    {
        var result = Engine.Rank(
            Patients.InLeeds with { Conditions = ["hiv"] },
            new ServiceSpec { Id = Ids.Of(1), Conditions = ["hiv"], Evidence = "independent-evaluation" },
            new ServiceSpec { Id = Ids.Of(2), Conditions = ["sexual-health"] });

        var item = result.Items.Single();
        Assert.Equal(Ids.Of(1), item.ServiceId);
        Assert.Equal("Aimed at HIV, which you named, and independently evaluated.", Factor(item, "health-benefit").Reason);
        Assert.Equal(1, result.Exclusions["other-needs"]);
    }
}
