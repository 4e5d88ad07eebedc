using System.Data.Common;
using System.Text.Json;
using Dyad.Store.Accounts;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore : IAccountStore
{
    private const string UserColumns = "name, role, password_hash, stamp, failed_logins, locked_until, created_by, created_at";

    public IReadOnlyList<UserAccount> Users() => ReadUsers($"SELECT {UserColumns} FROM users ORDER BY name");

    public UserAccount? FindUser(string name) => ReadUsers($"SELECT {UserColumns} FROM users WHERE name = $name", ("name", name)).FirstOrDefault();

    public void AddUser(UserAccount user, string by)
    {
        using var transaction = Write();
        if (FindUser(user.Name) is not null)
        {
            throw DyadException.BadUsage($"A user named {user.Name} is already in the store ('dyad users list').");
        }

        using var insert = Command(
            $"INSERT INTO users ({UserColumns}) VALUES ($name, $role, $hash, $stamp, 0, NULL, $by, $at)",
            ("name", user.Name), ("role", Snake(user.Role)), ("hash", user.PasswordHash), ("stamp", user.Stamp), ("by", user.CreatedBy), ("at", user.CreatedAt));
        insert.ExecuteNonQuery();
        RecordChange(_clock.GetUtcNow(), by, "user", user.Name, "create", null, UserJson(user));
        transaction.Commit();
    }

    public void UpdateUser(UserAccount user, string by)
    {
        using var transaction = Write();
        var before = FindUser(user.Name) ?? throw new DyadException(DyadErrorKind.NotFound, $"No user named {user.Name} in the store ('dyad users list').");
        using var update = Command(
            "UPDATE users SET role = $role, password_hash = $hash, stamp = $stamp, failed_logins = 0, locked_until = NULL WHERE name = $name",
            ("name", user.Name), ("role", Snake(user.Role)), ("hash", user.PasswordHash), ("stamp", user.Stamp));
        update.ExecuteNonQuery();
        RecordChange(_clock.GetUtcNow(), by, "user", user.Name, before.PasswordHash == user.PasswordHash ? "update" : "update-password", UserJson(before), UserJson(user));
        transaction.Commit();
    }

    public void RemoveUser(string name, string by)
    {
        using var transaction = Write();
        var before = FindUser(name) ?? throw new DyadException(DyadErrorKind.NotFound, $"No user named {name} in the store ('dyad users list').");
        using (var tokens = Command("DELETE FROM api_tokens WHERE user_name = $name", ("name", name)))
        {
            tokens.ExecuteNonQuery();
        }

        using (var user = Command("DELETE FROM users WHERE name = $name", ("name", name)))
        {
            user.ExecuteNonQuery();
        }

        RecordChange(_clock.GetUtcNow(), by, "user", name, "remove", UserJson(before), null);
        transaction.Commit();
    }

    public void RecordLogin(string name, bool succeeded, DateTimeOffset? lockUntil)
    {
        using var transaction = Write();
        using var update = Command(
            succeeded
                ? "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = $name"
                : "UPDATE users SET failed_logins = failed_logins + 1, locked_until = coalesce(CAST($until AS TIMESTAMPTZ), locked_until) WHERE name = $name",
            ("name", name), ("until", lockUntil));
        update.ExecuteNonQuery();
        if (lockUntil is { } until)
        {
            // A lockout is a security event an admin should see, so it goes to the record of changes; ordinary logins do not.
            RecordChange(_clock.GetUtcNow(), "dyad serve", "user", name, "lock", null, JsonSerializer.Serialize(new { locked_until = until }, RecordJson));
        }

        transaction.Commit();
    }

    public void AddToken(ApiToken token, string by)
    {
        using var transaction = Write();
        using var insert = Command("INSERT INTO api_tokens VALUES ($hash, $user, $at, NULL)", ("hash", token.Hash), ("user", token.UserName), ("at", token.CreatedAt));
        insert.ExecuteNonQuery();
        // The hash's first characters name the token in the record without giving away anything that would match it.
        RecordChange(_clock.GetUtcNow(), by, "token", $"{token.UserName}:{token.Hash[..8]}", "create", null, null);
        transaction.Commit();
    }

    public ApiToken? FindToken(string hash) => ReadTokens("SELECT token_hash, user_name, created_at, last_used FROM api_tokens WHERE token_hash = $hash", ("hash", hash)).FirstOrDefault();

    public void TouchToken(string hash, DateTimeOffset at)
    {
        using var transaction = Write();
        using var update = Command("UPDATE api_tokens SET last_used = $at WHERE token_hash = $hash", ("hash", hash), ("at", at));
        update.ExecuteNonQuery();
        transaction.Commit();
    }

    public IReadOnlyList<ApiToken> Tokens(string userName) =>
        ReadTokens("SELECT token_hash, user_name, created_at, last_used FROM api_tokens WHERE user_name = $user ORDER BY created_at", ("user", userName));

    private List<UserAccount> ReadUsers(string sql, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var users = new List<UserAccount>();
        while (reader.Read())
        {
            users.Add(new UserAccount(reader.GetString(0), Enum<UserRole>(reader.GetString(1)), NullableString(reader, 2), reader.GetString(3),
                reader.GetInt32(4), Timestamp(reader, 5), reader.GetString(6), Timestamp(reader, 7)!.Value));
        }

        return users;
    }

    private List<ApiToken> ReadTokens(string sql, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var tokens = new List<ApiToken>();
        while (reader.Read())
        {
            tokens.Add(new ApiToken(reader.GetString(0), reader.GetString(1), Timestamp(reader, 2)!.Value, Timestamp(reader, 3)));
        }

        return tokens;
    }

    private static DateTimeOffset? Timestamp(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc));

    /// <summary>A user as the record of changes keeps it: never with the password's hash.</summary>
    private static string UserJson(UserAccount user) =>
        JsonSerializer.Serialize(new { user.Name, user.Role, HasPassword = user.PasswordHash is not null, user.CreatedBy, user.CreatedAt }, RecordJson);

}
