using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Store;
using Dyad.Store.Accounts;
using Dyad.Web.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands.Server;

public class UserSettings : StoreJsonSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The user's name: one word (ana, a.khan, reader@team).")]
    public string Name { get; init; } = "";
}

public sealed class UsersAddSettings : UserSettings
{
    [CommandOption("--role <ROLE>")]
    [Description("viewer (reads), analyst (also writes) or admin (also manages users). Defaults to viewer.")]
    public string Role { get; init; } = "viewer";

    public UserRole? ParsedRole => Enum.TryParse<UserRole>(Role, ignoreCase: true, out var role) && !int.TryParse(Role, out _) ? role : null;

    public override ValidationResult Validate() => ParsedRole is null ? ValidationResult.Error($"--role {Role}: viewer, analyst or admin.") : base.Validate();
}

/// <summary>Adds a user to the store's team, with a password shown once.</summary>
public sealed class UsersAddCommand(CliOutput output, TimeProvider clock) : AsyncCommand<UsersAddSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, UsersAddSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.OpenOrCreate(settings.Db);
        var (user, password) = new UserAccounts(store, clock).Add(settings.Name, settings.ParsedRole!.Value, Environment.UserName);
        output.Result(settings.Json, new { user.Name, user.Role, Password = password }, () =>
        {
            output.Console.MarkupLine($"User [bold]{Markup.Escape(user.Name)}[/] ({user.Role.ToString().ToLowerInvariant()}) added, with the password [bold]{Markup.Escape(password)}[/]");
            output.Console.MarkupLine("It is shown this once and never stored: pass it on, and ask them to change it when they first sign in.");
        });
        return Task.FromResult(ExitCodes.Success);
    }
}

/// <summary>Lists the store's users.</summary>
public sealed class UsersListCommand(CliOutput output, TimeProvider clock) : AsyncCommand<StoreJsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, StoreJsonSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var users = new UserAccounts(store, clock).List();
        var now = clock.GetUtcNow();
        output.Result(settings.Json, users.Select(u => new { u.Name, u.Role, LockedOut = u.LockedUntil > now, u.CreatedBy, u.CreatedAt }), () =>
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("Name").AddColumn("Role").AddColumn("Tokens").AddColumn("Added by").AddColumn("Added");
            foreach (var user in users)
            {
                table.AddRow(Markup.Escape(user.Name) + (user.LockedUntil > now ? " [yellow](locked out)[/]" : ""), user.Role.ToString().ToLowerInvariant(),
                    store.Tokens(user.Name).Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(user.CreatedBy), $"{user.CreatedAt:yyyy-MM-dd}");
            }

            output.Console.Write(table);
            if (users.Count == 0)
            {
                output.Console.MarkupLine("No user yet: 'dyad serve' makes the first admin, or [bold]dyad users add NAME --role admin[/].");
            }
        });
        return Task.FromResult(ExitCodes.Success);
    }
}

/// <summary>Removes a user and their tokens.</summary>
public sealed class UsersRemoveCommand(CliOutput output, TimeProvider clock) : AsyncCommand<UserSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        new UserAccounts(store, clock).Remove(settings.Name, Environment.UserName);
        output.Console.MarkupLine($"User [bold]{Markup.Escape(settings.Name)}[/] and their tokens removed.");
        return Task.FromResult(ExitCodes.Success);
    }
}

/// <summary>Issues an API token for a user: shown once, kept only as its hash.</summary>
public sealed class UsersTokenCommand(CliOutput output, TimeProvider clock) : AsyncCommand<UserSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        using var store = EventStores.Open(settings.Db);
        var token = new UserAccounts(store, clock).IssueToken(settings.Name, Environment.UserName);
        output.Result(settings.Json, new { User = settings.Name, Token = token }, () =>
        {
            output.Console.WriteLine(token);
            output.Errors.WriteLine($"dyad: a token for {settings.Name}, shown this once; send it as 'Authorization: Bearer {UserAccounts.TokenPrefix}…'.");
        });
        return Task.FromResult(ExitCodes.Success);
    }
}
