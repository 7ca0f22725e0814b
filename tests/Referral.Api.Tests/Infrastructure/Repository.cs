namespace Referral.Api.Tests.Infrastructure;

/// <summary>Finds files of the repository the tests were built from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Referral.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Referral.sln not found above " + AppContext.BaseDirectory);
    }
}
