namespace Dyad.Connectors.Acled;

/// <summary>An ACLED account: the e-mail address and password of acleddata.com, from the environment or the user's configuration, never the command line.</summary>
public sealed record AcledCredentials(string Username, string Password)
{
    public const string UsernameVariable = "DYAD_ACLED_USERNAME";
    public const string PasswordVariable = "DYAD_ACLED_PASSWORD";

    public override string ToString() => $"AcledCredentials {{ Username = {Username} }}";
}
