using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dyad.Connectors.Acled;

/// <summary>
/// ACLED's OAuth tokens (password grant): an access token good for 24 hours and a refresh token good for 14 days, kept
/// in a file only the user can read, so that a day's fetches log in once and a fortnight's refresh without the password.
/// </summary>
internal sealed class AcledTokens(HttpClient http, Uri site, AcledCredentials credentials, string file, TimeProvider clock)
{
    private sealed record Saved(string AccessToken, DateTimeOffset AccessExpires, string? RefreshToken, DateTimeOffset RefreshExpires);

    private sealed record Answer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);

    public async Task<string> AccessToken(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var saved = File.Exists(file) ? JsonSerializer.Deserialize<Saved>(await File.ReadAllTextAsync(file, cancellationToken)) : null;
        if (saved is not null && saved.AccessExpires > now.AddMinutes(5))
        {
            return saved.AccessToken;
        }

        var form = saved is { RefreshToken: { } refresh } && saved.RefreshExpires > now.AddMinutes(5)
            ? new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = "acled" }
            : new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = credentials.Username, ["password"] = credentials.Password, ["client_id"] = "acled" };
        using var response = await http.PostAsync(new Uri(site, "oauth/token"), new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DyadException(DyadErrorKind.Unavailable,
                $"ACLED refused to log in ({(int)response.StatusCode}): check {AcledCredentials.UsernameVariable} and {AcledCredentials.PasswordVariable} (the e-mail and password of your acleddata.com account).");
        }

        var answer = await response.Content.ReadFromJsonAsync<Answer>(cancellationToken)
            ?? throw new DyadException(DyadErrorKind.Unavailable, "ACLED's login answered with no token.");
        var token = answer.AccessToken ?? throw new DyadException(DyadErrorKind.Unavailable, "ACLED's login answered with no access token.");
        var next = new Saved(token, now.AddSeconds(answer.ExpiresIn ?? 86_400), answer.RefreshToken ?? saved?.RefreshToken,
            answer.RefreshToken is null ? saved?.RefreshExpires ?? now : now.AddDays(14));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Created readable by the user alone from its first byte (not made private after being written).
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(file, options))
        {
            await JsonSerializer.SerializeAsync(stream, next, cancellationToken: cancellationToken);
        }

        return token;
    }
}
