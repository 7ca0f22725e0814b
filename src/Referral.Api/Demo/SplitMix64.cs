namespace Referral.Api.Demo;

/// <summary>
/// A small, well-mixed seeded generator (SplitMix64, Steele, Lea and Flood 2014). System.Random
/// with a seed keeps its legacy subtractive generator, whose draws 24 and 55 apart are
/// correlated: with a fixed number of draws per simulated patient, that correlation tied one
/// patient's cohort to the next one's uptake and biased the very effects the simulation states.
/// </summary>
public sealed class SplitMix64(int seed)
{
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);

    public ulong NextULong()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform on [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextDouble() * (max - min));

    public int Next(int max) => Next(0, max);
}
