namespace Referral.Domain.Geography;

/// <summary>
/// A latitude/longitude box that holds every point within a radius of a centre: a cheap,
/// indexable prefilter. It only ever lets too much through; the exact distance decides.
/// </summary>
public readonly record struct GeoBox(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    // A little wider than the exact bound, so rounding in either computation never drops a
    // point whose haversine distance is within the radius.
    private const double Margin = 1.001;

    public static GeoBox Around(GeoPoint centre, double radiusKm)
    {
        // Angular radius: no point within it is further than this in latitude.
        var angle = Math.Min(Math.PI, radiusKm / GeoPoint.EarthRadiusKm * Margin);
        var latitude = ToRadians(centre.Latitude);
        var minLat = latitude - angle;
        var maxLat = latitude + angle;

        // Near a pole (or with a box crossing the antimeridian) every longitude can be in range.
        if (minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2)
        {
            return new GeoBox(ToDegrees(Math.Max(minLat, -Math.PI / 2)), ToDegrees(Math.Min(maxLat, Math.PI / 2)), -180, 180);
        }

        // The widest longitude difference a point within the angle can have from the centre.
        var spread = ToDegrees(Math.Asin(Math.Min(1, Math.Sin(angle) / Math.Cos(latitude))));
        var minLon = centre.Longitude - spread;
        var maxLon = centre.Longitude + spread;
        return minLon < -180 || maxLon > 180
            ? new GeoBox(ToDegrees(minLat), ToDegrees(maxLat), -180, 180)
            : new GeoBox(ToDegrees(minLat), ToDegrees(maxLat), minLon, maxLon);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;

    private static double ToDegrees(double radians) => radians * 180.0 / Math.PI;
}
