using Referral.Domain.Geography;

namespace Referral.Matching.Compiled;

/// <summary>
/// A district centroid as a point on the unit sphere. The haversine of the angle between two
/// such points, hav = sin²(d / 2R), is a quarter of their squared straight-line distance, so
/// "within 10 km" becomes one comparison of hav against a threshold worked out once: no sine,
/// square root or arcsine per candidate. Kilometres are computed only for services shown.
/// </summary>
internal readonly record struct UnitVector(double X, double Y, double Z)
{
    /// <summary>The same mean Earth radius as <see cref="GeoPoint.DistanceKmTo"/>.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public static UnitVector From(GeoPoint point)
    {
        var latitude = point.Latitude * Math.PI / 180.0;
        var longitude = point.Longitude * Math.PI / 180.0;
        return new UnitVector(
            Math.Cos(latitude) * Math.Cos(longitude),
            Math.Cos(latitude) * Math.Sin(longitude),
            Math.Sin(latitude));
    }

    /// <summary>The haversine of a great-circle distance; it grows with the distance, up to 1 at the antipode.</summary>
    public static double HaversineOf(double km) =>
        km >= Math.PI * EarthRadiusKm ? 1 : Math.Pow(Math.Sin(km / (2 * EarthRadiusKm)), 2);

    public static double KmFromHaversine(double haversine) =>
        2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, haversine)));

    public double HaversineTo(in UnitVector other)
    {
        var dx = X - other.X;
        var dy = Y - other.Y;
        var dz = Z - other.Z;
        return (dx * dx + dy * dy + dz * dz) / 4;
    }
}
