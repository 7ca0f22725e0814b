using System.Globalization;
using Referral.Domain.Identifiers;

namespace Referral.Domain.Geography;

/// <summary>
/// Centroids of UK postcode districts (ONS NSPL and GeoNames; attribution in the README).
/// Built once from the CSV text and then only read, so it is safe to share between requests.
/// </summary>
public sealed class PostcodeDistricts
{
    private readonly Dictionary<string, GeoPoint> _centroids;

    private PostcodeDistricts(Dictionary<string, GeoPoint> centroids) => _centroids = centroids;

    /// <summary>Reads "outcode,latitude,longitude" lines with a header row.</summary>
    public static PostcodeDistricts Parse(TextReader csv)
    {
        var centroids = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        _ = csv.ReadLine();
        while (csv.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(',');
            centroids[parts[0]] = new GeoPoint(
                double.Parse(parts[1], CultureInfo.InvariantCulture),
                double.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        return new PostcodeDistricts(centroids);
    }

    /// <summary>The centroid of a district, or of the district of a full postcode.</summary>
    public bool TryLocate(string? postcodeOrDistrict, out string district, out GeoPoint centroid)
    {
        district = Postcode.DistrictOf(postcodeOrDistrict) ?? string.Empty;
        return _centroids.TryGetValue(district, out centroid);
    }
}
