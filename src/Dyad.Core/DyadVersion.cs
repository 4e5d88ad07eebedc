using System.Reflection;

namespace Dyad;

/// <summary>
/// The version of this build of Dyad: a semantic version (Directory.Build.props) and the commit it was built from,
/// which the .NET SDK appends to the informational version ("0.9.0+3233b68…"). Stores, models and packages record it.
/// </summary>
public static class DyadVersion
{
    /// <summary>The whole informational version: "0.9.0+commit", or "unknown" in a build that has none.</summary>
    public static string Full { get; } =
        typeof(DyadVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The semantic version alone ("0.9.0").</summary>
    public static string Number => Full.Split('+')[0];

    /// <summary>The commit the build was made from (the first twelve characters); null when the build did not record one.</summary>
    public static string? Commit => Full.Split('+') is [_, var commit, ..] ? commit[..Math.Min(12, commit.Length)] : null;

    /// <summary>What <c>dyad --version</c> prints: "0.9.0 (commit 3233b6828a8c)".</summary>
    public static string Text => Commit is { } commit ? $"{Number} (commit {commit})" : Number;
}
