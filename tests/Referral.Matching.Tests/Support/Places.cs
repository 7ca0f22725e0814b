using Referral.Domain.Geography;

namespace Referral.Matching.Tests.Support;

/// <summary>Real postcode district centroids (db/postcodes/postcode-districts.csv), near and far from Leeds.</summary>
internal static class Places
{
    public static readonly GeoPoint LeedsCentre = new(53.79737, -1.55312);      // LS1
    public static readonly GeoPoint LeedsSouth = new(53.77827, -1.55667);       // LS11, about 2 km from LS1
    public static readonly GeoPoint Headingley = new(53.81846, -1.56617);       // LS6
    public static readonly GeoPoint Bradford = new(53.79733, -1.75432);         // BD1, about 13 km from LS1
    public static readonly GeoPoint Wakefield = new(53.68392, -1.49854);        // WF1
    public static readonly GeoPoint Manchester = new(53.47768, -2.23674);       // M1, about 57 km
    public static readonly GeoPoint Newcastle = new(54.97251, -1.61303);        // NE1, about 130 km
    public static readonly GeoPoint Birmingham = new(52.47961, -1.90783);       // B1, about 148 km
    public static readonly GeoPoint Westminster = new(51.50197, -0.13386);      // SW1A, about 270 km
    public static readonly GeoPoint Truro = new(50.26138, -5.05312);            // TR1, about 470 km

    public static readonly GeoPoint[] All =
        [LeedsCentre, LeedsSouth, Headingley, Bradford, Wakefield, Manchester, Newcastle, Birmingham, Westminster, Truro];
}
