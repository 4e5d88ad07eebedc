using System.Diagnostics;
using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>
/// The rivalry's roles on each real Afghan file, set beside an independent count with pandas (scripts/roles-pandas.py,
/// which writes the README's rules again from the files' own columns, with no Dyad code): the two must agree to the unit.
/// </summary>
public sealed class RolesAgainstPandasTests : IDisposable
{
    private const string AcledStates = "NATO: North Atlantic Treaty Organization,Military Forces of Afghanistan (2014-),Police Forces of Afghanistan (2014-)," +
        "Military Forces of Afghanistan (2014-) Special Forces,Police Forces of Afghanistan (2014-) National Directorate of Security," +
        "Police Forces of Afghanistan (2014-) Afghan Local Police,Police Forces of Afghanistan (2014-) Public Protection Force," +
        "Police Forces of Afghanistan (2014-) Special Forces,Government of Afghanistan (2014-)";

    /// <summary>Debian's Python, whose python3-pandas the count needs.</summary>
    private const string PythonPath = "/usr/bin/python3";

    private static readonly string[] Roles = ["did", "fought_state", "fought_other", "done_to", "other"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string[]> Files => new()
    {
        { "acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv", ["--a", "Islamic State (Afghanistan)", "--b", "Taliban,Taliban - Red Unit",
            "--open", "Taliban and/or Islamic State (Afghanistan)", "--state", AcledStates] },
        { "gtd/globalterrorismdb_2021Jan-June_1222dist.csv", ["--a", "Khorasan Chapter of the Islamic State", "--b", "Taliban"] },
        { "gtd/gtd_afg_reduced_cols_MS_Thesis.csv", ["--a", "Khorasan Chapter of the Islamic State", "--b", "Taliban"] },
        { "ucdp/ged_api_pakistan_BatonVatrushka.csv", ["--a", "IS", "--b", "Taleban", "--country", "Afghanistan,Pakistan"] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_role_s_count_agrees_with_pandas(string file, string[] names)
    {
        var path = SharedData.File(file);
        Assert.SkipUnless(File.Exists(PythonPath) && Python("-c", "import pandas").ExitCode == 0, "Debian's python3-pandas is not installed: the independent count needs it.");
        var db = _folder.File("store.duckdb");
        (await CliRun.Of("import", path, "--db", db)).ExitCode.ShouldBe(0);
        var run = await CliRun.Of("rivalry", "IS-K", "Taliban", "--db", db, "--json");
        run.ExitCode.ShouldBe(0, run.Errors);
        using var dyad = JsonDocument.Parse(run.Data);
        var pandas = Python([Path.Combine(SharedData.RepositoryRoot, "scripts", "roles-pandas.py"), path, .. names]);
        pandas.ExitCode.ShouldBe(0, pandas.Errors);
        using var peer = JsonDocument.Parse(pandas.Output);

        var r = dyad.RootElement;
        var p = peer.RootElement;
        r.GetProperty("dyad").GetProperty("events").GetInt64().ShouldBe(p.GetProperty("dyad").GetInt64(), "A against B");
        r.GetProperty("either").GetProperty("events").GetInt64().ShouldBe(p.GetProperty("either").GetInt64(), "open between them");
        foreach (var side in new[] { "roles_a", "roles_b" })
        {
            foreach (var role in Roles)
            {
                var expected = p.GetProperty(side).TryGetProperty(role, out var n) ? n.GetInt64() : 0;
                r.GetProperty(side).GetProperty(role).GetProperty("incidents").GetInt64().ShouldBe(expected, $"{side}.{role}");
            }
        }
    }

    private static (int ExitCode, string Output, string Errors) Python(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(PythonPath, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors);
    }
}
