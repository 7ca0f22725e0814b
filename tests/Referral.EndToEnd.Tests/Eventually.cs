namespace Referral.EndToEnd.Tests;

/// <summary>Waits for something another instance should see soon, by asking again, never by sleeping a guessed time.</summary>
public static class Eventually
{
    /// <summary>
    /// How soon another instance must see a change. The requirement is a second; twice that
    /// leaves room for a 2-core CI machine running the test host and two servers at once.
    /// </summary>
    public static readonly TimeSpan CrossInstance = TimeSpan.FromSeconds(2);

    /// <summary>Asks until <paramref name="check"/> holds, and fails with the last answer when the deadline passes.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> ask, Func<T, bool> check, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var answer = await ask();
            if (check(answer))
            {
                return answer;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what} did not hold within {within.TotalSeconds:0.#} s; last answer: {answer}");
            }

            await Task.Delay(50);
        }
    }
}
