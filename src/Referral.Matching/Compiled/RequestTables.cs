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
    public const byte Shared = 1;

    /// <summary>Set in <see cref="LanguageFit"/> when the set holds the patient's preferred language.</summary>
    public const byte FirstLanguage = 2;

    private readonly double[] _venues;
    private readonly byte[] _languages;
    private readonly int _venueCount;
    private readonly int _languageCount;

    public RequestTables(PatientTraits patient, CandidateDirectory directory)
    {
        _venueCount = directory.Venues.Length;
        _languageCount = directory.LanguageSets.Length;
        _venues = ArrayPool<double>.Shared.Rent(Math.Max(1, _venueCount));
        _languages = ArrayPool<byte>.Shared.Rent(Math.Max(1, _languageCount));

        // NaN where the distance cannot be worked out, so every comparison with it fails.
        for (var i = 0; i < _venueCount; i++)
        {
            _venues[i] = patient.HasLocation ? patient.Location.HaversineTo(directory.Venues[i]) : double.NaN;
        }

        for (var i = 0; i < _languageCount; i++)
        {
            var set = directory.LanguageSets[i];
            _languages[i] = (byte)((set.Overlaps(patient.Spoken) ? Shared : 0) | (set.Overlaps(patient.FirstLanguageOnly) ? FirstLanguage : 0));
        }
    }

    /// <summary>The haversine from the patient's district to each venue (see UnitVector); NaN when the patient's district is not known.</summary>
    public ReadOnlySpan<double> VenueHaversines => _venues.AsSpan(0, _venueCount);

    /// <summary>For each language set, <see cref="Shared"/> and <see cref="FirstLanguage"/>.</summary>
    public ReadOnlySpan<byte> LanguageFit => _languages.AsSpan(0, _languageCount);

    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_venues);
        ArrayPool<byte>.Shared.Return(_languages);
    }
}
