using Referral.Domain.Personality;
using Referral.Matching.Tests.Support;

namespace Referral.Matching.Tests;

/// <summary>Situations a GP would recognise, and what the engine should do in each.</summary>
public sealed class ScenarioTests
{
    private static readonly TipiTraits Reserved = new(1.5, 4, 4, 4, 4);
    private static readonly TipiTraits Outgoing = new(6.5, 4, 4, 4, 4);

    // Remote services that differ only in format, meeting when the patient is free, so that
    // the format is the only thing between them.
    private static readonly ServiceSpec Remote = new() { Venue = null, National = true, RadiusKm = null, Schedule = ["weekday-evening"] };
    private static readonly Patient FreeOnWeekdayEvenings = Patients.InLeeds with { Availability = ["weekday-evening"] };

    [Fact]
    public void A_first_time_user_is_told_that_their_GPs_endorsement_matters()
    {
        var advice = Engine.Rank(Patients.InLeeds with { HasUsedPeerSupport = false }, new ServiceSpec()).Endorsement;

        Assert.Equal("high", advice.Importance);
        Assert.Contains("not used peer support before", advice.Reason);
        Assert.Contains("5th of 12", advice.Reason);
    }

    [Fact]
    public void Someone_who_has_used_peer_support_gets_normal_endorsement_advice()
    {
        var advice = Engine.Rank(Patients.InLeeds with { HasUsedPeerSupport = true }, new ServiceSpec()).Endorsement;

        Assert.Equal("normal", advice.Importance);
        Assert.Contains("11th", advice.Reason);
    }

    [Fact]
    public void Someone_who_ranks_endorsement_in_their_top_five_is_told_it_matters_even_after_using_peer_support()
    {
        var patient = Patients.InLeeds with
        {
            HasUsedPeerSupport = true,
            FactorPriorities = ["convenient-time", "free-of-charge", "professional-endorsement"],
        };

        var advice = Engine.Rank(patient, new ServiceSpec()).Endorsement;

        Assert.Equal("high", advice.Importance);
        Assert.Contains("third among your priorities", advice.Reason);
    }

    [Fact]
    public void When_history_is_unknown_the_advice_is_normal_and_says_why_to_ask()
    {
        var advice = Engine.Rank(Patients.InLeeds, new ServiceSpec()).Endorsement;

        Assert.Equal("normal", advice.Importance);
        Assert.Contains("not recorded", advice.Reason);
    }

    [Fact]
    public void A_reserved_patient_who_avoids_groups_is_offered_one_to_one_online_community_or_messages_and_never_a_group()
    {
        var patient = FreeOnWeekdayEvenings with { Personality = Reserved, AvoidFormats = ["in-person-group", "online-group"] };

        var result = Engine.Rank(
            patient,
            Remote with { Id = Ids.Of(1), Formats = ["online-group"] },
            new ServiceSpec { Id = Ids.Of(2), Formats = ["in-person-group"] },
            Remote with { Id = Ids.Of(3), Formats = ["one-to-one-remote"] },
            Remote with { Id = Ids.Of(4), Formats = ["online-community"] },
            Remote with { Id = Ids.Of(5), Formats = ["messages"] },
            new ServiceSpec { Id = Ids.Of(6), Formats = ["in-person-group", "one-to-one-in-person"] });

        Assert.Equal(4, result.Items.Count);
        Assert.All(result.Items, item => Assert.DoesNotContain(item.Formats, f => f is "in-person-group" or "online-group"));
        Assert.Equal(["one-to-one-in-person"], result.Items.Single(i => i.ServiceId == Ids.Of(6)).Formats);
        Assert.Equal(2, result.Exclusions["avoided-format"]);
    }

    [Fact]
    public void A_reserved_patient_with_no_stated_preference_sees_quieter_formats_above_groups()
    {
        var result = Engine.Rank(
            FreeOnWeekdayEvenings with { Personality = Reserved },
            Remote with { Id = Ids.Of(1), Formats = ["online-group"] },
            Remote with { Id = Ids.Of(2), Formats = ["messages"] },
            Remote with { Id = Ids.Of(3), Formats = ["one-to-one-remote"] });

        Assert.Equal([Ids.Of(2), Ids.Of(3), Ids.Of(1)], result.Items.Select(i => i.ServiceId));
        Assert.Equal(
            "Support messages suits someone who prefers quieter contact, from your personality answers.",
            result.Items[0].Factors.Single(f => f.Factor == "preferred-format").Reason);
    }

    [Fact]
    public void An_outgoing_patient_with_no_stated_preference_sees_groups_above_messages()
    {
        var result = Engine.Rank(
            FreeOnWeekdayEvenings with { Personality = Outgoing },
            Remote with { Id = Ids.Of(1), Formats = ["messages"] },
            Remote with { Id = Ids.Of(2), Formats = ["online-group"] });

        Assert.Equal([Ids.Of(2), Ids.Of(1)], result.Items.Select(i => i.ServiceId));
    }

    [Fact]
    public void A_lonely_patient_values_live_contact_over_messages()
    {
        var result = Engine.Rank(
            FreeOnWeekdayEvenings with { Loneliness = new LonelinessScore(8, Lonely: true) },
            Remote with { Id = Ids.Of(1), Formats = ["messages"] },
            Remote with { Id = Ids.Of(2), Formats = ["one-to-one-remote"] });

        Assert.Equal(Ids.Of(2), result.Items[0].ServiceId);
        Assert.Contains("live contact", result.Items[0].Factors.Single(f => f.Factor == "preferred-format").Reason);
    }

    [Fact]
    public void A_patient_whose_first_language_is_Polish_gets_the_Polish_speaking_service_first()
    {
        var patient = Patients.InLeeds with { Languages = ["pl", "en"] };

        var result = Engine.Rank(
            patient,
            new ServiceSpec { Id = Ids.Of(1), Languages = ["en"] },
            new ServiceSpec { Id = Ids.Of(2), Languages = ["en", "pl"] });

        Assert.Equal(Ids.Of(2), result.Items[0].ServiceId);
        Assert.Equal("Offered in Polish, your preferred language.", result.Items[0].Factors.Single(f => f.Factor == "language-and-access").Reason);
    }

    [Fact]
    public void A_patient_who_needs_an_interpreter_is_not_offered_a_service_in_English_only()
    {
        var result = Engine.Rank(
            Patients.InLeeds with { Languages = ["pl"], NeedsInterpreter = true },
            new ServiceSpec { Id = Ids.Of(1), Languages = ["en"] },
            new ServiceSpec { Id = Ids.Of(2), Languages = ["pl"] });

        Assert.Equal([Ids.Of(2)], result.Items.Select(i => i.ServiceId));
        Assert.Equal(1, result.Exclusions["language"]);
    }

    [Fact]
    public void A_service_200_km_away_is_never_offered_in_person()
    {
        var willTravelFar = Patients.InLeeds with { MaxTravelKm = 200 };

        var result = Engine.Rank(
            willTravelFar,
            new ServiceSpec { Id = Ids.Of(1), Venue = Places.Westminster, National = true, RadiusKm = null },
            new ServiceSpec { Id = Ids.Of(2), Venue = Places.Westminster, National = true, RadiusKm = null, Formats = ["in-person-group", "online-group"] });

        var offered = result.Items.Single();
        Assert.Equal(Ids.Of(2), offered.ServiceId);
        Assert.Equal(["online-group"], offered.Formats);
        Assert.Equal(1, result.Exclusions["too-far"]);
        Assert.Matches(
            @"^Offered to you as online group, from home: its venue is 2\d\d\.\d km away, beyond the 200 km you said you would travel\.$",
            offered.Factors.Single(f => f.Factor == "convenient-location").Reason);
    }

    [Fact]
    public void Reasons_read_as_plain_sentences_a_GP_can_read_out()
    {
        var result = Engine.Rank(
            FreeOnWeekdayEvenings,
            new ServiceSpec { Id = Ids.Of(1), Venue = Places.LeedsSouth },
            Remote with { Id = Ids.Of(2), Formats = ["online-group"] });

        string Reason(Guid id, string factor) => result.Items.Single(i => i.ServiceId == id).Factors.Single(f => f.Factor == factor).Reason;
        Assert.Equal("2.1 km from your area, within the 10 km you said you would travel.", Reason(Ids.Of(1), "convenient-location"));
        Assert.Equal("Meets on weekday evenings, when you said you are free.", Reason(Ids.Of(1), "convenient-time"));
        Assert.Equal("Online group: you can take part from home.", Reason(Ids.Of(2), "convenient-location"));
        Assert.Equal("Free to you.", Reason(Ids.Of(2), "free-of-charge"));
        Assert.Equal(2.1, result.Items.Single(i => i.ServiceId == Ids.Of(1)).DistanceKm);
        Assert.Null(result.Items.Single(i => i.ServiceId == Ids.Of(2)).DistanceKm);
    }

    [Fact]
    public void A_patient_who_names_no_format_sees_a_service_they_can_use_from_home_in_the_first_three_even_when_local_groups_score_higher()
    {
        // Six well-evidenced groups near the patient, each its own charity, and one plainer messages service.
        var groups = Enumerable.Range(1, 6)
            .Select(n => new ServiceSpec { Id = Ids.Of(n), Organisation = $"Group {n}", Evidence = "trial", Accreditations = ["Mind Quality Mark"] })
            .ToArray();
        var messages = Remote with { Id = Ids.Of(7), Organisation = "Text line", Formats = ["messages"], Evidence = "none", Safeguarding = false, Trained = false, Routes = ["self"] };

        var result = Engine.Rank(FreeOnWeekdayEvenings, [.. groups, messages]);

        Assert.Equal([Ids.Of(1), Ids.Of(2), Ids.Of(7), Ids.Of(3), Ids.Of(4), Ids.Of(5), Ids.Of(6)], result.Items.Select(i => i.ServiceId));
        Assert.True(result.Items[2].Total < result.Items[3].Total);
        var move = Assert.Single(result.Variety);
        Assert.Equal(("local-and-remote", Ids.Of(7), 3), (move.Rule, move.ServiceId, move.Rank));
        Assert.Equal("Moved up to 3rd place so that the first three include one you can use from home: online, by phone or by messages.", move.Reason);
    }

    [Fact]
    public void A_patient_who_names_a_format_gets_the_plain_ranking()
    {
        var groups = Enumerable.Range(1, 6)
            .Select(n => new ServiceSpec { Id = Ids.Of(n), Evidence = "trial" })
            .ToArray();
        var messages = Remote with { Id = Ids.Of(7), Formats = ["messages"], Evidence = "none" };

        var result = Engine.Rank(FreeOnWeekdayEvenings with { PreferredFormats = ["in-person-group"] }, [.. groups, messages]);

        Assert.Equal(Ids.Of(7), result.Items[^1].ServiceId);
    }

    [Fact]
    public void With_a_short_limit_the_promoted_service_takes_the_last_place()
    {
        var groups = Enumerable.Range(1, 6).Select(n => new ServiceSpec { Id = Ids.Of(n), Evidence = "trial" });
        var messages = Remote with { Id = Ids.Of(7), Formats = ["messages"], Evidence = "none", Safeguarding = false };

        var result = MatchingEngine.Rank(FreeOnWeekdayEvenings, Engine.DirectoryOf([.. groups, messages]), 3, Patients.AsOf);

        Assert.Equal([Ids.Of(1), Ids.Of(2), Ids.Of(7)], result.Items.Select(i => i.ServiceId));
    }

    [Fact]
    public void Equal_services_are_ordered_by_id_whatever_order_they_were_added_in()
    {
        var result = Engine.Rank(
            Patients.InLeeds,
            new ServiceSpec { Id = Ids.Of(3) },
            new ServiceSpec { Id = Ids.Of(1) },
            new ServiceSpec { Id = Ids.Of(2) });

        Assert.Equal([Ids.Of(1), Ids.Of(2), Ids.Of(3)], result.Items.Select(i => i.ServiceId));
        Assert.Equal(result.Items[0].Total, result.Items[2].Total);
    }

    [Fact]
    public void When_more_equal_services_tie_than_fit_the_list_the_lowest_ids_are_kept()
    {
        var services = Enumerable.Range(1, 6).Reverse().Select(n => new ServiceSpec { Id = Ids.Of(n) }).ToArray();

        var result = MatchingEngine.Rank(Patients.InLeeds, Engine.DirectoryOf(services), 2, Patients.AsOf);

        Assert.Equal([Ids.Of(1), Ids.Of(2)], result.Items.Select(i => i.ServiceId));
    }

    [Fact]
    public void A_service_that_takes_GP_referrals_scores_higher_on_endorsement_than_self_referral_only()
    {
        var result = Engine.Rank(
            Patients.InLeeds,
            new ServiceSpec { Id = Ids.Of(1), Routes = ["self"] },
            new ServiceSpec { Id = Ids.Of(2), Routes = ["self", "gp"] });

        double Endorsement(Guid id) => result.Items.Single(i => i.ServiceId == id).Factors.Single(f => f.Factor == "professional-endorsement").Score;
        Assert.Equal(0.2, Endorsement(Ids.Of(1)), 12);
        Assert.Equal(0.8, Endorsement(Ids.Of(2)), 12);
        Assert.Equal(Ids.Of(2), result.Items[0].ServiceId);
    }

    [Fact]
    public void A_short_track_record_is_not_shown_and_a_long_one_moves_peer_recommendation_by_its_bands()
    {
        var result = Engine.Rank(
            Patients.InLeeds,
            new ServiceSpec { Id = Ids.Of(1) },
            new ServiceSpec { Id = Ids.Of(2), Record = new TrackRecord(9, 9, 0, 5) },
            new ServiceSpec { Id = Ids.Of(3), Record = new TrackRecord(12, 12, 0, 3) },
            new ServiceSpec { Id = Ids.Of(4), Record = new TrackRecord(90, 90, 0, 9) });

        double Peer(Guid id) => result.Items.Single(i => i.ServiceId == id).Factors.Single(f => f.Factor == "peer-recommendation").Score;
        Assert.Equal(0.5, Peer(Ids.Of(1)));
        Assert.Equal(0.5, Peer(Ids.Of(2)));
        // Shown as "10 or more" and "nearly all": 10 of 10, smoothed to 15 of 20.
        Assert.Equal(15.0 / 20, Peer(Ids.Of(3)), 12);
        Assert.Equal(95.0 / 100, Peer(Ids.Of(4)), 12);
    }

    [Fact]
    public void A_service_reviewed_over_a_year_ago_scores_lower_on_quality()
    {
        var result = Engine.Rank(
            Patients.InLeeds,
            new ServiceSpec { Id = Ids.Of(1), LastReviewed = Patients.AsOf.AddMonths(-12) },
            new ServiceSpec { Id = Ids.Of(2), LastReviewed = Patients.AsOf.AddMonths(-12).AddDays(-1) });

        double Quality(Guid id) => result.Items.Single(i => i.ServiceId == id).Factors.Single(f => f.Factor == "quality-confidence").Score;
        Assert.Equal(0.5, Quality(Ids.Of(1)), 12);
        Assert.Equal(0.3, Quality(Ids.Of(2)), 12);
    }

    [Fact]
    public void Factors_are_listed_in_the_patients_own_order_of_importance()
    {
        var patient = Patients.InLeeds with { FactorPriorities = ["free-of-charge", "convenient-time"] };

        var factors = Engine.Rank(patient, new ServiceSpec()).Items.Single().Factors;

        Assert.Equal(["free-of-charge", "convenient-time", "quality-confidence"], factors.Take(3).Select(f => f.Factor));
        Assert.True(factors[0].Weight > factors[1].Weight);
    }
}
