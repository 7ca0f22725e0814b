using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Referral.Matching.Compiled;
using Referral.Matching.Constraints;

namespace Referral.Matching.Ranking;

/// <summary>
/// The hard constraints and a first, coarse upper bound, eight services at a time (AVX2 over
/// <see cref="ScreenColumns"/>). A million services are screened on every request and most
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

    // One 5-bit count per rule (and one for "eligible") in a 64-bit counter per lane; a new
    // rule would need a wider field layout, so IsSupported turns the screen off until it has one.
    private const int Rules = 11;
    private const int FieldBits = 5;

    // 31 blocks at most before a 5-bit field could overflow.
    private const int FieldCapacity = (1 << FieldBits) - 1;

    // Float rounding in the coarse bound is far below this; pruning only below it stays safe.
    private const float Margin = 1e-4f;

    private static readonly Vector256<int>[] Reasons = Enumerable.Range(0, Rules).Select(r => Vector256.Create(1 << r)).ToArray();

    public static bool IsSupported => Avx2.IsSupported && HardConstraints.All.Count == Rules;

    /// <summary>Screens the whole directory; the directory must have columns (<see cref="CandidateDirectory.Columns"/>).</summary>
    public static unsafe void Run(Ranker ranker, ScreenColumns columns)
    {
        var patient = ranker.Patient;
        var n = columns.Packed.Length;
        var bound = new CoarseBound(patient);

        var age = Vector256.Create(patient.Age);
        var barred = Vector256.Create(patient.IsMan ? ScreenColumns.WomenOnly : patient.IsWoman ? ScreenColumns.MenOnly : 0);
        var conditions = Vector256.Create(unchecked((int)(uint)patient.Conditions));
        var communities = Vector256.Create(unchecked((int)(uint)patient.Communities));
        var allRelevant = patient.Conditions == 0 ? Vector256<int>.AllBitsSet : Vector256<int>.Zero;
        var kept = Vector256.Create(~patient.AvoidFormats & FormatTable.All);
        var costLimit = Vector256.Create(patient.CostLimitRank);
        var patientNeeds = Vector256.Create(unchecked((int)patient.AccessNeeds));
        var one = Vector256.Create(1);
        var beforeDistance = Vector256.Create((1 << (int)ExclusionReason.TooFar) - 1);
        var inPerson = Vector256.Create(FormatTable.InPerson);
        var reasons = Reasons;

        // The counts per rule, as 5-bit fields of two vectors of 64-bit counters (see below).
        var eligibleSlot = Vector256.Create(1 << Rules);
        var bias = Vector256.Create(127);
        var oneLong = Vector256.Create(1L);
        Vector256<long> fields0 = default, fields1 = default;
        var blocks = 0;

        ref var packed0 = ref MemoryMarshal.GetArrayDataReference(columns.Packed);
        ref var ages0 = ref MemoryMarshal.GetArrayDataReference(columns.Ages);
        ref var conditions0 = ref MemoryMarshal.GetArrayDataReference(columns.Conditions);
        ref var communities0 = ref MemoryMarshal.GetArrayDataReference(columns.Communities);
        ref var ceilings0 = ref MemoryMarshal.GetArrayDataReference(columns.Ceilings);
        var place = new Placer(columns, ranker.Tables, patientNeeds);

        var i = 0;
        fixed (int* languageTable = ranker.Tables.LanguageFitTable)
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
                var packed = Vector256.LoadUnsafe(ref packed0, at);
                var ages = Vector256.LoadUnsafe(ref ages0, at);
                var serviceConditions = Vector256.LoadUnsafe(ref conditions0, at);
                var serviceCommunities = Vector256.LoadUnsafe(ref communities0, at);
                var formats = Vector256.ShiftRightLogical(packed, ScreenColumns.FormatsShift) & kept;
                var cost = Vector256.ShiftRightLogical(packed, ScreenColumns.CostShift) & Vector256.Create(3);
                var relevant = allRelevant
                    | Vector256.Equals(serviceConditions, Vector256<int>.Zero)
                    | ~Vector256.Equals(serviceConditions & conditions, Vector256<int>.Zero)
                    | ~Vector256.Equals(serviceCommunities & communities, Vector256<int>.Zero);
                var language = Avx2.GatherVector256(languageTable, Vector256.ShiftRightLogical(packed, ScreenColumns.LanguageShift), 4);

                var failed =
                    (Vector256.Equals(packed & one, Vector256<int>.Zero) & reasons[(int)ExclusionReason.NotActive])
                    | ((Vector256.LessThan(age, Vector256.ShiftRightArithmetic(ages << 16, 16)) | Vector256.GreaterThan(age, Vector256.ShiftRightArithmetic(ages, 16))) & reasons[(int)ExclusionReason.Age])
                    | (~Vector256.Equals(packed & barred, Vector256<int>.Zero) & reasons[(int)ExclusionReason.Gender])
                    | (~Vector256.Equals(packed & Vector256.Create(ScreenColumns.Full), Vector256<int>.Zero) & reasons[(int)ExclusionReason.Full])
                    | (~relevant & reasons[(int)ExclusionReason.OtherNeeds])
                    | (Vector256.Equals(formats, Vector256<int>.Zero) & reasons[(int)ExclusionReason.AvoidedFormat])
                    | (Vector256.GreaterThan(cost, costLimit) & reasons[(int)ExclusionReason.Cost])
                    | (Vector256.Equals(language & one, Vector256<int>.Zero) & reasons[(int)ExclusionReason.Language]);

                // Distance, areas and venue access, only where some lane still needs them.
                var placed = Vector256.Equals(failed & beforeDistance, Vector256<int>.Zero)
                    & (~Vector256.Equals(formats & inPerson, Vector256<int>.Zero) | ~Vector256.Equals(packed & Vector256.Create(ScreenColumns.RemoteArea), Vector256<int>.Zero));
                if (placed != Vector256<int>.Zero)
                {
                    failed |= place.Of(i, packed, ref formats);
                }

                // Each lane's lowest failure is the rule it counts under (a lane that fails none,
                // under a twelfth slot); its number r, read from the exponent of the bit as a
                // float, adds one to a 5-bit field at bit 5r of a 64-bit counter per lane, emptied
                // into the totals before any field can reach 32.
                var marked = failed | eligibleSlot;
                var lowest = marked & (Vector256<int>.Zero - marked);
                var rule = Vector256.ShiftRightLogical(Vector256.ConvertToSingle(lowest).AsInt32(), 23) - bias;
                var (lower, upper) = Vector256.Widen((rule << 2) + rule);
                fields0 += Avx2.ShiftLeftLogicalVariable(oneLong, lower.AsUInt64());
                fields1 += Avx2.ShiftLeftLogicalVariable(oneLong, upper.AsUInt64());
                if (++blocks == FieldCapacity)
                {
                    Empty(ref fields0, ref fields1, ranker.Excluded);
                    blocks = 0;
                }

                var eligible = Vector256.Equals(failed, Vector256<int>.Zero);
                if (eligible == Vector256<int>.Zero)
                {
                    continue;
                }

                // Each lane must reach the list's threshold or, for the choice rule, the entry of
                // the formats it is offered in (entries only rise, so reading them per block is safe).
                var reach = bound.Of(Vector256.LoadUnsafe(ref ceilings0, at), cost, serviceConditions, serviceCommunities, conditions, communities);
                var threshold = Vector256.Create((float)Math.Max(ranker.Top.Threshold, -1));
                if (ranker.Choice is { } choice)
                {
                    fixed (float* entries = choice.EntriesBySet())
                    {
                        threshold = Vector256.Min(threshold, Avx2.GatherVector256(entries, formats, 4));
                    }
                }

                var pass = eligible & Vector256.GreaterThanOrEqual(reach + Vector256.Create(Margin), threshold).AsInt32();
                for (var lanes = pass.ExtractMostSignificantBits(); lanes != 0; lanes &= lanes - 1)
                {
                    ranker.Visit(i + BitOperations.TrailingZeroCount(lanes), prune: true);
                }
            }
        }

        Empty(ref fields0, ref fields1, ranker.Excluded);
        for (; i < n; i++)
        {
            ranker.Visit(i, prune: true);
        }
    }

    private static void Empty(ref Vector256<long> fields0, ref Vector256<long> fields1, int[] excluded)
    {
        var mask = Vector256.Create((long)FieldCapacity);
        for (var r = 0; r < Rules; r++)
        {
            excluded[r] += (int)Vector256.Sum((Vector256.ShiftRightLogical(fields0, FieldBits * r) & mask) + (Vector256.ShiftRightLogical(fields1, FieldBits * r) & mask));
        }

        fields0 = default;
        fields1 = default;
    }

    /// <summary>
    /// The failures of too-far, out-of-area and access, as <see cref="HardConstraints.Check"/>
    /// finds them: in-person formats set aside beyond the patient's travel or outside the area,
    /// remote ones outside a remote area, in-person ones whose venue misses an access need; a
    /// lane left with no format fails each rule that took one away.
    /// </summary>
    private readonly unsafe struct Placer
    {
        private readonly double[] _areas;
        private readonly double[] _remoteAreas;
        private readonly int[] _venueAccess;
        private readonly double[] _distances;
        private readonly int[] _withinTravel;
        private readonly Vector256<int> _needs;

        public Placer(ScreenColumns columns, RequestTables tables, Vector256<int> needs)
        {
            _areas = columns.AreaHaversine;
            _remoteAreas = columns.RemoteAreaHaversine;
            _venueAccess = columns.VenueAccess;
            _distances = tables.VenueSlots;
            _withinTravel = tables.WithinTravelSlots;
            _needs = needs;
        }

        /// <param name="formats">Becomes what each lane is still offered in.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<int> Of(int i, Vector256<int> packed, ref Vector256<int> formats)
        {
            var at = (nuint)i;
            var inPerson = Vector256.Create(FormatTable.InPerson);
            var remote = Vector256.Create(FormatTable.Remote);
            var venueAccess = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_venueAccess), at);
            var slots = venueAccess & Vector256.Create(0xFFFF);

            // Most venues are beyond the patient's travel, which the table says as a flag per
            // venue (an unknown distance is never within reach); the distances themselves are
            // read only for a service's own area, when a venue is within reach, and for a remote area.
            Vector256<int> within;
            fixed (int* table = _withinTravel)
            {
                within = ~Vector256.Equals(Avx2.GatherVector256(table, slots, 4), Vector256<int>.Zero);
            }

            var national = ~Vector256.Equals(packed & Vector256.Create(ScreenColumns.National), Vector256<int>.Zero);
            var hasRemoteArea = ~Vector256.Equals(packed & Vector256.Create(ScreenColumns.RemoteArea), Vector256<int>.Zero);
            var offersInPerson = ~Vector256.Equals(formats & inPerson, Vector256<int>.Zero);
            var tooFar = offersInPerson & ~within;
            var outOfArea = offersInPerson & within & ~national;
            var remoteOutside = Vector256<int>.Zero;
            if ((outOfArea | hasRemoteArea) != Vector256<int>.Zero)
            {
                Vector256<double> low, high;
                fixed (double* table = _distances)
                {
                    low = Avx2.GatherVector256(table, slots.GetLower(), 8);
                    high = Avx2.GatherVector256(table, slots.GetUpper(), 8);
                }

                ref var areas = ref MemoryMarshal.GetArrayDataReference(_areas);
                outOfArea &= ~Narrow(
                    Vector256.LessThanOrEqual(low, Vector256.LoadUnsafe(ref areas, at)),
                    Vector256.LessThanOrEqual(high, Vector256.LoadUnsafe(ref areas, at + 4)));
                formats = Vector256.ConditionalSelect(tooFar | outOfArea, formats & remote, formats);

                // NaN (no venue, or the patient's district unknown) is outside a remote area too.
                ref var remoteAreas = ref MemoryMarshal.GetArrayDataReference(_remoteAreas);
                var withinRemoteArea = Narrow(
                    Vector256.LessThanOrEqual(low, Vector256.LoadUnsafe(ref remoteAreas, at)),
                    Vector256.LessThanOrEqual(high, Vector256.LoadUnsafe(ref remoteAreas, at + 4)));
                remoteOutside = ~Vector256.Equals(formats & remote, Vector256<int>.Zero) & hasRemoteArea & ~withinRemoteArea;
                formats = Vector256.ConditionalSelect(remoteOutside, formats & inPerson, formats);
            }
            else
            {
                formats = Vector256.ConditionalSelect(tooFar, formats & remote, formats);
            }

            // With no access needs, every venue meets them.
            var unmet = Vector256<int>.Zero;
            if (_needs != Vector256<int>.Zero)
            {
                var accessibility = Vector256.ShiftRightLogical(venueAccess, ScreenColumns.AccessShift);
                unmet = ~Vector256.Equals(formats & inPerson, Vector256<int>.Zero)
                    & ~Vector256.Equals((accessibility & _needs) ^ _needs, Vector256<int>.Zero);
                formats = Vector256.ConditionalSelect(unmet, formats & remote, formats);
            }

            var took = (tooFar & Reasons[(int)ExclusionReason.TooFar])
                | ((outOfArea | remoteOutside) & Reasons[(int)ExclusionReason.OutOfArea])
                | (unmet & Reasons[(int)ExclusionReason.Access]);
            return Vector256.Equals(formats, Vector256<int>.Zero) & took;
        }

        private static Vector256<int> Narrow(Vector256<double> low, Vector256<double> high) =>
            Vector256.Narrow(low.AsInt64(), high.AsInt64());
    }

    /// <summary>
    /// A bound on the total from what the columns hold, in single precision: the three
    /// ceilings, safe-and-confidential and free-of-charge exactly, health benefit and similar
    /// experiences by relevance (open 0.4, aimed at the patient's conditions 1, else 0), shared
    /// background likewise, and the rest at the most they could be for this patient.
    /// </summary>
    private readonly struct CoarseBound
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
