using System.Buffers;

namespace Referral.Matching.Compiled;

/// <summary>
/// One patient's answers for each entry of the directory's tables of distinct venues and
/// language sets, worked out once per request so that screening a service is a lookup. The
/// arrays are rented, so a request allocates nothing however many venues the directory has.
/// </summary>
internal sealed class RequestTables : IDisposable
{
    /// <summary>Set in <see cref="LanguageFit"/> when the set shares a language with the patient.</summary>
    public const int Shared = 1;

    /// <summary>Set in <see cref="LanguageFit"/> when the set holds the patient's preferred language.</summary>
    public const int FirstLanguage = 2;

    private readonly double[] _venues;
    private readonly int[] _withinTravel;
    private readonly int[] _languages;
    private readonly int _venueCount;
    private readonly int _languageCount;

    public RequestTables(PatientTraits patient, CandidateDirectory directory)
    {
        _venueCount = directory.Venues.Length;
        _languageCount = directory.LanguageSets.Length;
        _venues = ArrayPool<double>.Shared.Rent(_venueCount + 1);
        _withinTravel = ArrayPool<int>.Shared.Rent(_venueCount + 1);
        _languages = ArrayPool<int>.Shared.Rent(Math.Max(1, _languageCount));

        // NaN where the distance cannot be worked out, so every comparison with it fails; slot 0
        // stands for "no venue", so a venue's slot is its number plus one.
        _venues[0] = double.NaN;
        _withinTravel[0] = 0;
        for (var i = 0; i < _venueCount; i++)
        {
            var haversine = patient.HasLocation ? patient.Location.HaversineTo(directory.Venues[i]) : double.NaN;
            _venues[i + 1] = haversine;
            _withinTravel[i + 1] = haversine <= patient.MaxTravelHaversine ? 1 : 0;
        }

        for (var i = 0; i < _languageCount; i++)
        {
            var set = directory.LanguageSets[i];
            _languages[i] = (set.Overlaps(patient.Spoken) ? Shared : 0) | (set.Overlaps(patient.FirstLanguageOnly) ? FirstLanguage : 0);
        }
    }

    /// <summary>The haversine from the patient's district to each venue (see UnitVector); NaN when the patient's district is not known.</summary>
    public ReadOnlySpan<double> VenueHaversines => _venues.AsSpan(1, _venueCount);

    /// <summary>The same by venue slot (see ScreenColumns.VenueSlot): slot 0, no venue, is NaN.</summary>
    public double[] VenueSlots => _venues;

    /// <summary>By venue slot, 1 where the venue is within the patient's travel distance (a known distance, not beyond it), else 0.</summary>
    public int[] WithinTravelSlots => _withinTravel;

    public int[] LanguageFitTable => _languages;

    /// <summary>For each language set, <see cref="Shared"/> and <see cref="FirstLanguage"/>.</summary>
    public ReadOnlySpan<int> LanguageFit => _languages.AsSpan(0, _languageCount);

    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_venues);
        ArrayPool<int>.Shared.Return(_withinTravel);
        ArrayPool<int>.Shared.Return(_languages);
    }
}
