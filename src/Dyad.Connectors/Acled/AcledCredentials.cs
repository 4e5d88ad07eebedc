namespace Dyad.Connectors.Acled;

/// <summary>An ACLED account: the e-mail address and password of acleddata.com, read from the environment, never the command line.</summary>
public sealed record AcledCredentials(string Username, string Password)
{
    public const string UsernameVariable = "DYAD_ACLED_USERNAME";
    public const string PasswordVariable = "DYAD_ACLED_PASSWORD";

    /// <summary>The account from the environment, or null when either part is missing.</summary>
    public static AcledCredentials? FromEnvironment() =>
        Environment.GetEnvironmentVariable(UsernameVariable) is { Length: > 0 } user && Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } password
            ? new AcledCredentials(user, password)
            : null;

    public override string ToString() => $"AcledCredentials {{ Username = {Username} }}";
}
