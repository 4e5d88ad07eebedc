using System.Reflection;
using NetArchTest.Rules;

namespace Dyad.Cli.Tests.Architecture;

/// <summary>
/// The layers of ../shared/DESIGN.md, held by what each assembly really uses (its metadata's references, not its
/// project file): data flows one way, file → Ingest → Core model → Store → Analysis and Attribution → App → Cli and Web.
/// </summary>
public sealed class LayerTests
{
    private static readonly Dictionary<string, Assembly> Layers = new[]
    {
        typeof(DyadException).Assembly, typeof(Ingest.EventFile).Assembly, typeof(Store.IEventStore).Assembly,
        typeof(Analysis.Rivalry.RivalryAnalysis).Assembly, typeof(Attribution.AttributionModel).Assembly,
        typeof(Dyad.Connectors.PoliteHttp).Assembly, typeof(App.Registries).Assembly, typeof(Web.Hosting.DyadServer).Assembly, typeof(DyadCli).Assembly,
    }.ToDictionary(a => a.GetName().Name!, StringComparer.Ordinal);

    private static IReadOnlySet<string> DyadReferences(string assembly) =>
        Layers[assembly].GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Dyad.", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("Dyad.Core")]
    public void The_model_depends_on_nothing_of_dyad(string assembly) => DyadReferences(assembly).ShouldBeEmpty();

    [Theory]
    [InlineData("Dyad.Ingest")]
    [InlineData("Dyad.Store")]
    [InlineData("Dyad.Connectors")]
    public void Reading_keeping_and_fetching_depend_on_the_model_alone(string assembly) => DyadReferences(assembly).ShouldBe(["Dyad.Core"], ignoreOrder: true);

    [Theory]
    [InlineData("Dyad.Analysis")]
    [InlineData("Dyad.Attribution")]
    public void Computation_reads_the_model_not_the_store_s_engines(string assembly) =>
        DyadReferences(assembly).ShouldBeSubsetOf(["Dyad.Core"], "DuckDB's natives and Npgsql have no place in a computation");

    [Fact]
    public void The_application_layer_knows_no_front_end() =>
        DyadReferences("Dyad.App").ShouldNotContain(n => n == "Dyad.Cli" || n == "Dyad.Web");

    [Fact]
    public void The_server_is_not_built_on_the_command_line() => DyadReferences("Dyad.Web").ShouldNotContain("Dyad.Cli");

    [Theory]
    [InlineData("Dyad.App")]
    [InlineData("Dyad.Web")]
    public void The_application_and_the_server_take_the_store_by_its_interface(string assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var engine = typeof(Store.Sql.SqlEventStore);
        var uses = Layers[assembly].GetTypes().SelectMany(type =>
            type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => (Where: $"{type.Name}.{m.Name}", p.ParameterType)).Append(($"{type.Name}.{m.Name}", m.ReturnType)))
                .Concat(type.GetConstructors(All).SelectMany(c => c.GetParameters().Select(p => ($"{type.Name} constructor", p.ParameterType))))
                .Concat(type.GetFields(All).Select(f => ($"{type.Name}.{f.Name}", f.FieldType))))
            .Where(u => engine.IsAssignableFrom(u.Item2))
            .Select(u => u.Item1).Distinct().ToList();
        uses.ShouldBeEmpty($"{assembly} names an engine's store class: take IDyadStore");
    }

    /// <summary>The workflows a front end must not drive itself: training, backtests, fetching and importing's steps live in App.</summary>
    private static readonly string[] Workflows =
    [
        typeof(Attribution.Training.AttributionTrainer).FullName!, typeof(Attribution.Evaluation.Backtest).FullName!,
        typeof(Dyad.Connectors.Acled.AcledFetcher).FullName!, typeof(Dyad.Connectors.Ucdp.UcdpFetcher).FullName!, typeof(Dyad.Connectors.PoliteHttp).FullName!,
    ];

    [Theory]
    [InlineData("dyad")]
    [InlineData("Dyad.Web")]
    public void A_front_end_parses_calls_the_application_layer_and_renders(string assembly)
    {
        var result = Types.InAssembly(Layers[assembly]).ShouldNot().HaveDependencyOnAny(Workflows).GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty($"{assembly} drives a workflow itself: call Dyad.App (Attribution.ModelTraining, Fetching.DatasetFetch, Demo.DemoSteps)");
        // The rule can fail: the application layer does use them, and the test sees it (method bodies included).
        Types.InAssembly(Layers["Dyad.App"]).That().HaveDependencyOnAny(Workflows).GetTypes().ShouldNotBeEmpty();
    }
}
