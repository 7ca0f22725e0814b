using Referral.Domain.Geography;

namespace Referral.Data;

/// <summary>Reference data shipped inside this assembly (see db/postcodes and the README's attribution).</summary>
public static class ReferenceData
{
    public static PostcodeDistricts LoadPostcodeDistricts()
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("Referral.Data.postcode-districts.csv")
            ?? throw new InvalidOperationException("The postcode district data is missing from the build.");
        using var reader = new StreamReader(stream);
        return PostcodeDistricts.Parse(reader);
    }
}
