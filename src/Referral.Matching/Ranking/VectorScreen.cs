using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;

namespace Referral.Matching.Ranking;

/// <summary>
/// The hard constraints and a first, coarse upper bound, eight services at a time (256-bit SIMD
/// over <see cref="ScreenColumns"/>). A million services are screened on every request and most
/// fail a constraint or cannot reach the list, so settling them without a branch or a call per
/// service is what keeps a request within its budget. Each lane's failures are set as bits in
/// the published order of the rules, exactly as <see cref="HardConstraints.Check"/> sets them,
/// and the lowest bit counts. Only the services that pass every constraint and whose coarse
/// bound reaches the current threshold go on, one at a time, to <see cref="Ranker.Visit"/>
/// (which checks them again, works out their exact bound and scores them); a block holding a
/// practice's own track record goes there whole, since its ceilings do not hold for it.
/// </summary>
internal static class VectorScreen
{
    private const int Lanes = 8;

    // Float rounding in the coarse bound is far below this; pruning only below it stays safe.
    private const float Margin = 1e-4f;

    public static bool IsSupported => Vector256.IsHardwareAccelerated && Vector256<int>.Count == Lanes && HardConstraints.All.Count == Rules;

    // The counters below are one per rule; a new rule needs one more (IsSupported turns the
    // screen off, and the scalar path takes over, until it has it).
    private const int Rules = 11;

    public static unsafe void Run(Ranker ranker)
    {
        var patient = ranker.Patient;
        var columns = ranker.Directory.Columns;
        var n = columns.Flags.Length;
        var excluded = ranker.Excluded;
        var bound = new CoarseBound(patient);

        var age = Vector256.Create(patient.Age);
        var barred = Vector256.Create(patient.IsMan ? ScreenColumns.WomenOnly : patient.IsWoman ? ScreenColumns.MenOnly : 0);
        var conditions = Vector256.Create(unchecked((int)(uint)patient.Conditions));
        var communities = Vector256.Create(unchecked((int)(uint)patient.Communities));
        var allRelevant = patient.Conditions == 0 ? Vector256<int>.AllBitsSet : Vector256<int>.Zero;
        var kept = Vector256.Create(~patient.AvoidFormats);
        var costLimit = Vector256.Create(patient.CostLimitRank);
        var needs = Vector256.Create(unchecked((int)patient.AccessNeeds));
        var inPerson = Vector256.Create(FormatTable.InPerson);
        var remote = Vector256.Create(FormatTable.Remote);
        var maxTravel = Vector256.Create(patient.MaxTravelHaversine);
        var one = Vector256.Create(1);
        var reasons = Enumerable.Range(0, HardConstraints.All.Count).Select(r => Vector256.Create(1 << r)).ToArray();
        var beforeDistance = Vector256.Create((1 << (int)ExclusionReason.TooFar) - 1);

        var entries = ranker.Choice?.EntriesBySet;
        var venues = ranker.Tables.VenueSlots;
        var languages = ranker.Tables.LanguageFitTable;
        ref var flags0 = ref MemoryMarshal.GetArrayDataReference(columns.Flags);
        ref var minAge0 = ref MemoryMarshal.GetArrayDataReference(columns.MinAge);
        ref var maxAge0 = ref MemoryMarshal.GetArrayDataReference(columns.MaxAge);
        ref var conditions0 = ref MemoryMarshal.GetArrayDataReference(columns.Conditions);
        ref var communities0 = ref MemoryMarshal.GetArrayDataReference(columns.Communities);
        ref var formats0 = ref MemoryMarshal.GetArrayDataReference(columns.Formats);
        ref var cost0 = ref MemoryMarshal.GetArrayDataReference(columns.CostRank);
        ref var language0 = ref MemoryMarshal.GetArrayDataReference(columns.LanguageSet);
        ref var venue0 = ref MemoryMarshal.GetArrayDataReference(columns.VenueSlot);
        ref var access0 = ref MemoryMarshal.GetArrayDataReference(columns.Accessibility);
        ref var ceilings0 = ref MemoryMarshal.GetArrayDataReference(columns.Ceilings);
        ref var area0 = ref MemoryMarshal.GetArrayDataReference(columns.AreaHaversine);
        ref var remoteArea0 = ref MemoryMarshal.GetArrayDataReference(columns.RemoteAreaHaversine);

        // One counter per rule, held in registers across the whole scan.
        var (r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10) = (reasons[0], reasons[1], reasons[2], reasons[3], reasons[4], reasons[5], reasons[6], reasons[7], reasons[8], reasons[9], reasons[10]);
        Vector256<int> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default, c8 = default, c9 = default, c10 = default;
        var i = 0;
        fixed (int* languageTable = languages)
        fixed (double* venueTable = venues)
        fixed (float* entryTable = entries)
        {
            for (; i <= n - Lanes; i += Lanes)
            {
                if ((uint)ranker.NextOverride < (uint)(i + Lanes))
                {
                    for (var j = i; j < i + Lanes; j++)
                    {
                        ranker.Visit(j, prune: true);
                    }

                    continue;
                }

                var at = (nuint)i;
                var flags = Vector256.LoadUnsafe(ref flags0, at);
                var serviceConditions = Vector256.LoadUnsafe(ref conditions0, at);
                var serviceCommunities = Vector256.LoadUnsafe(ref communities0, at);
                var formats = Vector256.LoadUnsafe(ref formats0, at) & kept;
                var relevant = allRelevant
                    | Vector256.Equals(serviceConditions, Vector256<int>.Zero)
                    | ~Vector256.Equals(serviceConditions & conditions, Vector256<int>.Zero)
                    | ~Vector256.Equals(serviceCommunities & communities, Vector256<int>.Zero);
                var language = Gather(languageTable, Vector256.LoadUnsafe(ref language0, at));

                var failed =
                    (Vector256.Equals(flags & one, Vector256<int>.Zero) & reasons[(int)ExclusionReason.NotActive])
                    | ((Vector256.LessThan(age, Vector256.LoadUnsafe(ref minAge0, at)) | Vector256.GreaterThan(age, Vector256.LoadUnsafe(ref maxAge0, at))) & reasons[(int)ExclusionReason.Age])
                    | (~Vector256.Equals(flags & barred, Vector256<int>.Zero) & reasons[(int)ExclusionReason.Gender])
                    | (~Vector256.Equals(flags & Vector256.Create(ScreenColumns.Full), Vector256<int>.Zero) & reasons[(int)ExclusionReason.Full])
                    | (~relevant & reasons[(int)ExclusionReason.OtherNeeds])
                    | (Vector256.Equals(formats, Vector256<int>.Zero) & reasons[(int)ExclusionReason.AvoidedFormat])
                    | (Vector256.GreaterThan(Vector256.LoadUnsafe(ref cost0, at), costLimit) & reasons[(int)ExclusionReason.Cost])
                    | (Vector256.Equals(language & one, Vector256<int>.Zero) & reasons[(int)ExclusionReason.Language]);

                // Distance, areas and venue access, only where some lane still needs them.
                var placed = Vector256.Equals(failed & beforeDistance, Vector256<int>.Zero)
                    & (~Vector256.Equals(formats & inPerson, Vector256<int>.Zero) | ~Vector256.Equals(flags & Vector256.Create(ScreenColumns.RemoteArea), Vector256<int>.Zero));
                if (placed != Vector256<int>.Zero)
                {
                    failed |= Place(ref venue0, ref area0, ref remoteArea0, ref access0, i, venueTable, flags, ref formats, needs, inPerson, remote, maxTravel, reasons);
                }

                // Each lane's lowest failure is the rule it counts under, added up per rule in
                // vectors (a lane that matches adds -1), without a branch.
                var lowest = failed & (Vector256<int>.Zero - failed);
                c0 += Vector256.Equals(lowest, r0);
                c1 += Vector256.Equals(lowest, r1);
                c2 += Vector256.Equals(lowest, r2);
                c3 += Vector256.Equals(lowest, r3);
                c4 += Vector256.Equals(lowest, r4);
                c5 += Vector256.Equals(lowest, r5);
                c6 += Vector256.Equals(lowest, r6);
                c7 += Vector256.Equals(lowest, r7);
                c8 += Vector256.Equals(lowest, r8);
                c9 += Vector256.Equals(lowest, r9);
                c10 += Vector256.Equals(lowest, r10);

                var eligible = Vector256.Equals(failed, Vector256<int>.Zero);
                if (eligible == Vector256<int>.Zero)
                {
                    continue;
                }

                // Each lane must reach the list's threshold or, for the choice rule, the entry of the
                // formats it is offered in (entries only rise, so reading them per block is safe).
                var reach = bound.Of(Vector256.LoadUnsafe(ref ceilings0, at), Vector256.LoadUnsafe(ref cost0, at), serviceConditions, serviceCommunities, conditions, communities);
                var threshold = Vector256.Create((float)Math.Max(ranker.Top.Threshold, -1));
                if (entryTable is not null)
                {
                    threshold = Vector256.Min(threshold, Gather(entryTable, formats));
                }

                var pass = eligible & Vector256.GreaterThanOrEqual(reach + Vector256.Create(Margin), threshold).AsInt32();
                for (var lanes = pass.ExtractMostSignificantBits(); lanes != 0; lanes &= lanes - 1)
                {
                    ranker.Visit(i + BitOperations.TrailingZeroCount(lanes), prune: true);
                }
            }
        }

        ReadOnlySpan<Vector256<int>> counted = [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10];
        for (var r = 0; r < counted.Length; r++)
        {
            excluded[r] -= Vector256.Sum(counted[r]);
        }

        for (; i < n; i++)
        {
            ranker.Visit(i, prune: true);
        }
    }

    // AVX2 gathers each lane's entry of a table in one instruction; elsewhere, one lane at a time.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<int> Gather(int* table, Vector256<int> index) =>
        Avx2.IsSupported
            ? Avx2.GatherVector256(table, index, 4)
            : Vector256.Create(table[index[0]], table[index[1]], table[index[2]], table[index[3]], table[index[4]], table[index[5]], table[index[6]], table[index[7]]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> Gather(float* table, Vector256<int> index) =>
        Avx2.IsSupported
            ? Avx2.GatherVector256(table, index, 4)
            : Vector256.Create(table[index[0]], table[index[1]], table[index[2]], table[index[3]], table[index[4]], table[index[5]], table[index[6]], table[index[7]]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<double> Gather(double* table, Vector128<int> index) =>
        Avx2.IsSupported
            ? Avx2.GatherVector256(table, index, 8)
            : Vector256.Create(table[index[0]], table[index[1]], table[index[2]], table[index[3]]);

    /// <summary>
    /// The failures of too-far, out-of-area and access, as <see cref="HardConstraints.Check"/>
    /// finds them: in-person formats set aside beyond the patient's travel or outside the area,
    /// remote ones outside a remote area, in-person ones whose venue misses an access need; a
    /// lane left with no format fails each rule that took one away. <paramref name="formats"/>
    /// becomes what each lane is still offered in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<int> Place(
        ref int venue0, ref double area0, ref double remoteArea0, ref int access0, int i, double* venues,
        Vector256<int> flags, ref Vector256<int> formats, Vector256<int> needs, Vector256<int> inPerson, Vector256<int> remote,
        Vector256<double> maxTravel, Vector256<int>[] reasons)
    {
        var at = (nuint)i;
        var slots = Vector256.LoadUnsafe(ref venue0, at);
        var low = Gather(venues, slots.GetLower());
        var high = Gather(venues, slots.GetUpper());

        // NaN (no venue, or the patient's district unknown) is never within reach.
        var withinTravel = Narrow(Vector256.LessThanOrEqual(low, maxTravel), Vector256.LessThanOrEqual(high, maxTravel));
        var national = ~Vector256.Equals(flags & Vector256.Create(ScreenColumns.National), Vector256<int>.Zero);
        var hasRemoteArea = ~Vector256.Equals(flags & Vector256.Create(ScreenColumns.RemoteArea), Vector256<int>.Zero);

        var offersInPerson = ~Vector256.Equals(formats & inPerson, Vector256<int>.Zero);
        var tooFar = offersInPerson & ~withinTravel;

        // Most venues are beyond the patient's travel: a service's own area is read only for those within it.
        var outOfArea = offersInPerson & withinTravel & ~national;
        if (outOfArea != Vector256<int>.Zero)
        {
            outOfArea &= ~Narrow(
                Vector256.LessThanOrEqual(low, Vector256.LoadUnsafe(ref area0, at)),
                Vector256.LessThanOrEqual(high, Vector256.LoadUnsafe(ref area0, at + 4)));
        }

        formats = Vector256.ConditionalSelect(tooFar | outOfArea, formats & remote, formats);

        // A remote area is rare (a local service's own online sessions): read only where one is.
        var remoteOutside = Vector256<int>.Zero;
        if (hasRemoteArea != Vector256<int>.Zero)
        {
            var withinRemoteArea = Narrow(
                Vector256.LessThanOrEqual(low, Vector256.LoadUnsafe(ref remoteArea0, at)),
                Vector256.LessThanOrEqual(high, Vector256.LoadUnsafe(ref remoteArea0, at + 4)));
            remoteOutside = ~Vector256.Equals(formats & remote, Vector256<int>.Zero) & hasRemoteArea & ~withinRemoteArea;
            formats = Vector256.ConditionalSelect(remoteOutside, formats & inPerson, formats);
        }

        // With no access needs, every venue meets them.
        var unmet = Vector256<int>.Zero;
        if (needs != Vector256<int>.Zero)
        {
            unmet = ~Vector256.Equals(formats & inPerson, Vector256<int>.Zero)
                & ~Vector256.Equals(Vector256.LoadUnsafe(ref access0, at) & needs ^ needs, Vector256<int>.Zero);
            formats = Vector256.ConditionalSelect(unmet, formats & remote, formats);
        }

        var took = (tooFar & reasons[(int)ExclusionReason.TooFar])
            | ((outOfArea | remoteOutside) & reasons[(int)ExclusionReason.OutOfArea])
            | (unmet & reasons[(int)ExclusionReason.Access]);
        return Vector256.Equals(formats, Vector256<int>.Zero) & took;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Narrow(Vector256<double> low, Vector256<double> high) =>
        Vector256.Narrow(low.AsInt64(), high.AsInt64());

    /// <summary>
    /// A bound on the total from what the columns hold, in single precision: the three
    /// ceilings, safe-and-confidential and free-of-charge exactly, health benefit and similar
    /// experiences by relevance (open 0.4, aimed at the patient's conditions 1, else 0), shared
    /// background likewise, and the rest at the most they could be for this patient.
    /// </summary>
    private sealed class CoarseBound
    {
        private readonly Vector256<float> _rest;
        private readonly Vector256<float> _quality;
        private readonly Vector256<float> _endorsement;
        private readonly Vector256<float> _peer;
        private readonly Vector256<float> _safe;
        private readonly Vector256<float> _free;
        private readonly Vector256<float> _needs;
        private readonly Vector256<float> _background;
        private readonly bool _namedConditions;
        private readonly bool _namedCommunities;

        public CoarseBound(PatientTraits patient)
        {
            var w = patient.WeightByFactor;
            _namedConditions = patient.Conditions != 0;
            _namedCommunities = patient.Communities != 0;
            var rest =
                w[3] // convenient-location
                + w[5] * (patient.Availability == 0 ? 0.5 : 1) // convenient-time
                + w[7] * patient.FormatFit.BySet[FormatTable.All] // preferred-format, at its best format
                + w[9] // language-and-access
                + (_namedConditions ? 0 : 0.5 * (w[1] + w[8])) // health-benefit and similar-experiences, neutral
                + (_namedCommunities ? 0 : 0.5 * w[10]); // shared-background, neutral
            _rest = Vector256.Create((float)rest);
            _quality = Vector256.Create((float)(w[0] / 255));
            _safe = Vector256.Create((float)(w[2] / 2));
            _endorsement = Vector256.Create((float)(w[4] / 255));
            _free = Vector256.Create((float)(w[6] / 2));
            _needs = Vector256.Create((float)(_namedConditions ? w[1] + w[8] : 0));
            _background = Vector256.Create((float)(_namedCommunities ? w[10] : 0));
            _peer = Vector256.Create((float)(w[11] / 255));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<float> Of(Vector256<int> ceilings, Vector256<int> cost, Vector256<int> serviceConditions, Vector256<int> serviceCommunities, Vector256<int> conditions, Vector256<int> communities)
        {
            var bound = _rest
                + Vector256.ConvertToSingle(ceilings & Vector256.Create(0xFF)) * _quality
                + Vector256.ConvertToSingle(Vector256.ShiftRightLogical(ceilings, 8) & Vector256.Create(0xFF)) * _endorsement
                + Vector256.ConvertToSingle(Vector256.ShiftRightLogical(ceilings, 16) & Vector256.Create(0xFF)) * _peer
                + Vector256.ConvertToSingle(Vector256.ShiftRightLogical(ceilings, 24)) * _safe
                + Vector256.ConvertToSingle(Vector256.Create(2) - cost) * _free;
            if (_namedConditions)
            {
                bound += _needs * Relevance(serviceConditions, conditions);
            }

            if (_namedCommunities)
            {
                bound += _background * Relevance(serviceCommunities, communities);
            }

            return bound;
        }

        // 0.4 for open to anyone, 1 for aimed at one of the patient's, 0 for only others'.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Relevance(Vector256<int> service, Vector256<int> patient) =>
            Vector256.ConditionalSelect(
                Vector256.Equals(service, Vector256<int>.Zero).AsSingle(),
                Vector256.Create(0.4f),
                Vector256.ConditionalSelect((~Vector256.Equals(service & patient, Vector256<int>.Zero)).AsSingle(), Vector256<float>.One, Vector256<float>.Zero));
    }
}
