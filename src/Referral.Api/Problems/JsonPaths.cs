using System.Text.RegularExpressions;

namespace Referral.Api.Problems;

/// <summary>
/// JSON paths as problems name them: "consent.recordedAt", "conditions[2]", or "body" for the
/// whole body. Only segments shaped like this API's property names are kept, so a path can
/// never carry what a client sent as a property name.
/// </summary>
internal static partial class JsonPaths
{
    public const string Root = "body";

    public static string Field(string? path)
    {
        var segments = Segment().Matches(path ?? string.Empty).Select(m => m.Value).ToList();
        if (segments.Count == 0)
        {
            return Root;
        }

        var field = string.Concat(segments).TrimStart('$', '.');
        return field.Length == 0 ? Root : field;
    }

    /// <summary>The path with a trailing property removed, when the path ends with it.</summary>
    public static string? Without(string? path, string property)
    {
        if (path is null)
        {
            return null;
        }

        foreach (var suffix in new[] { "." + property, $"['{property}']" })
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return path[..^suffix.Length];
            }
        }

        return path;
    }

    // Anchored to the start and to each other: the first segment that is not a plain property
    // name or index ends the path.
    [GeneratedRegex(@"\G(?:^\$)?(?:\.[A-Za-z][A-Za-z0-9]{0,49}|\[[0-9]{1,6}\])")]
    private static partial Regex Segment();
}
