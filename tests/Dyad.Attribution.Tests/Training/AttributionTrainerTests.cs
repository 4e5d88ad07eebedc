using Dyad.Attribution.Calibration;
using Dyad.Attribution.Explaining;
using Dyad.Attribution.Features;
using Dyad.Attribution.Training;
using Dyad.Testing;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Dyad.Attribution.Tests.Training;

public sealed class AttributionTrainerTests
{
    private static readonly TimeProvider Clock = SyntheticAttacks.Clock;

    [Fact]
    public void The_same_attacks_and_seed_give_the_same_model()
    {
        var world = SyntheticAttacks.World();
        var first = Train(world);
        var second = Train(world);
        second.Metadata.DataHash.ShouldBe(first.Metadata.DataHash);
        second.Metadata.Temperature.ShouldBe(first.Metadata.Temperature);
        second.Metadata.Booster.ShouldBe(first.Metadata.Booster);
        var probe = world.Take(50).Select(a => a.WithPerpetratorHidden()).ToList();
        var a = new Attributor(first, world, SyntheticAttacks.Setting).Attribute(probe, explain: false);
        var b = new Attributor(second, world, SyntheticAttacks.Setting).Attribute(probe, explain: false);
        b.Select(r => r.Probabilities).ShouldBe(a.Select(r => r.Probabilities));
    }

    [Fact]
    public async Task Models_fitted_side_by_side_on_one_thread_each_are_the_models_fitted_alone()
    {
        // A search fits its candidates two at a time, and a walk-forward its next training beside the current one:
        // LightGBM on one thread each must neither crash nor change a model.
        var world = SyntheticAttacks.World();
        var options = new TrainingOptions { Threads = 1, Boosters = [new(4, 3, 60, 0.2), new(7, 5, 60, 0.2), new(15, 10, 60, 0.2)] };
        AttributionModel Fit() => new AttributionTrainer(SyntheticAttacks.Setting, Clock).Train(world, options, TestContext.Current.CancellationToken);
        options.FitsAtOnce(world.Count).ShouldBe(Math.Min(Environment.ProcessorCount, 2));

        var alone = Fit();
        var together = await Task.WhenAll(Task.Run(Fit, TestContext.Current.CancellationToken), Task.Run(Fit, TestContext.Current.CancellationToken));

        var probe = world.Take(50).Select(a => a.WithPerpetratorHidden()).ToList();
        var expected = new Attributor(alone, world, SyntheticAttacks.Setting).Attribute(probe, explain: false).Select(r => r.Probabilities).ToList();
        foreach (var model in together)
        {
            model.Metadata.Candidates.ShouldBe(alone.Metadata.Candidates);
            new Attributor(model, world, SyntheticAttacks.Setting).Attribute(probe, explain: false).Select(r => r.Probabilities).ShouldBe(expected);
        }
    }

    [Fact]
    public void Above_the_grid_search_limit_one_booster_for_large_data_is_trained_instead_of_a_search()
    {
        var world = SyntheticAttacks.World();
        var large = new BoosterSettings(Leaves: 5, MinimumExamplesPerLeaf: 5, Iterations: 20, LearningRate: 0.3);
        var searched = new[] { new BoosterSettings(4, 3, 30, 0.1), new BoosterSettings(7, 5, 30, 0.1) };
        var options = new TrainingOptions { Boosters = searched, LargeDataBooster = large };

        var small = new AttributionTrainer(SyntheticAttacks.Setting, Clock).Train(world, options, TestContext.Current.CancellationToken);
        var many = new AttributionTrainer(SyntheticAttacks.Setting, Clock).Train(world, options with { GridSearchLimit = 100, RefitLimit = 100 }, TestContext.Current.CancellationToken);

        searched.ShouldContain(small.Metadata.Booster);
        many.Metadata.Booster.ShouldBe(large);
        many.Metadata.TrainingAttacks.ShouldBe(small.Metadata.TrainingAttacks);
    }

    [Fact]
    public void An_attack_in_a_province_where_only_one_group_is_active_is_attributed_to_it()
    {
        var world = SyntheticAttacks.World();
        var model = Train(world);
        model.Metadata.Classes.ShouldBe(["north", "rare", "south", "other"]);
        var question = SyntheticAttacks.Of(10_000, new DateOnly(2021, 1, 5), "n2", "Firearms", group: null);

        var attribution = new Attributor(model, world, SyntheticAttacks.Setting).Attribute([question]).Single();

        attribution.Verdict.ShouldBe(Verdict.Attributed);
        attribution.Top.Group.ShouldBe("north");
        attribution.Drivers.ShouldContain(d => d.Feature == "province" && d.Group == "north");
        attribution.Similar.Count.ShouldBe(5);
        attribution.Similar.ShouldAllBe(s => s.Date < question.Date);
        attribution.Similar[0].Shared.ShouldContain("province");
    }

    [Fact]
    public void An_attack_with_nothing_known_of_its_place_or_manner_cannot_be_told()
    {
        var world = SyntheticAttacks.World();
        var model = Train(world);
        var question = SyntheticAttacks.Of(10_000, new DateOnly(2021, 1, 5), province: null, weapon: null, group: null);

        var attribution = new Attributor(model, world, SyntheticAttacks.Setting).Attribute([question]).Single();

        attribution.Evidence.ShouldBe(0);
        attribution.Verdict.ShouldBe(Verdict.CannotTell);
    }

    [Fact]
    public void A_model_file_keeps_its_metadata_and_predictions()
    {
        var world = SyntheticAttacks.World();
        var model = Train(world);
        using var folder = new TempFolder();
        var path = folder.File("model.zip");
        model.Save(path);

        var loaded = AttributionModel.Load(path);

        loaded.Metadata.Classes.ShouldBe(model.Metadata.Classes);
        loaded.Metadata.DataFrom.ShouldBe(world[0].Date);
        loaded.Metadata.TrainingAttacks.ShouldBe(world.Count);
        loaded.Metadata.Features.Count.ShouldBe(model.Metadata.Features.Count);
        var probe = world.Take(20).ToList();
        new Attributor(loaded, world, SyntheticAttacks.Setting).Attribute(probe, explain: false).Select(r => r.Probabilities)
            .ShouldBe(new Attributor(model, world, SyntheticAttacks.Setting).Attribute(probe, explain: false).Select(r => r.Probabilities));
    }

    [Fact]
    public void The_trees_given_dense_features_score_as_the_whole_chain_does()
    {
        var world = SyntheticAttacks.World();
        var model = Train(world);
        var activity = new ActivityIndex(world, group => AttributionTrainer.ClassIndex(model.Metadata.Classes, group), horizon: null);
        var builder = new FeatureBuilder(model.Catalog, activity, SyntheticAttacks.Setting.Neighbours, horizon: null);
        var rows = world.Take(50).Select(a => builder.Build(a)).ToList();
        using var file = new MemoryStream();
        model.Classifier.Save(file, model.Catalog.Numbers.Count);
        file.Position = 0;
        var ml = new MLContext(1);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmMulticlassTrainer).Assembly);
        var schema = GradientBoostedClassifier.Schema(model.Catalog.Numbers.Count);

        var chain = ml.Model.Load(file, out _).Transform(ml.Data.LoadFromEnumerable(rows, schema)).GetColumn<float[]>("Score").ToList();
        var dense = model.Classifier.Predict(rows);

        // The same probabilities, bit for bit (each row's in its own order: the chain's slots follow its label keys).
        dense.SelectMany(p => p.Order()).ShouldBe(chain.SelectMany(p => p.Order()));
    }

    [Fact]
    public void A_model_file_from_another_format_is_refused_with_a_clear_message()
    {
        using var folder = new TempFolder();
        var path = folder.File("old.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("metadata.json").Open());
            writer.Write("""{"format": 0, "dyadVersion": "0.0.1"}""");
        }

        var error = Should.Throw<DyadException>(() => AttributionModel.Load(path));
        error.Kind.ShouldBe(DyadErrorKind.BadInput);
        error.Message.ShouldContain("model format 0");
        error.Message.ShouldContain("dyad model train");

        var notZip = folder.Write("text.zip", "not a zip file");
        Should.Throw<DyadException>(() => AttributionModel.Load(notZip)).Message.ShouldContain("not a readable Dyad model file");
        Should.Throw<DyadException>(() => AttributionModel.Load(folder.File("missing.zip"))).Kind.ShouldBe(DyadErrorKind.NotFound);
    }

    [Fact]
    public void Too_few_attacks_or_one_group_is_a_clear_error()
    {
        var trainer = new AttributionTrainer(SyntheticAttacks.Setting, Clock);
        Should.Throw<DyadException>(() => trainer.Train(SyntheticAttacks.World(10), new TrainingOptions { MinimumEvents = 1 })).Message.ShouldContain("too few");
        var oneGroup = SyntheticAttacks.World().Select(a => a with { Perpetrator = "north" }).ToList();
        Should.Throw<DyadException>(() => trainer.Train(oneGroup, new TrainingOptions())).Message.ShouldContain("at least two");
    }

    private static AttributionModel Train(List<Dyad.Attribution.Attacks.Attack> world) =>
        new AttributionTrainer(SyntheticAttacks.Setting, Clock).Train(world, new TrainingOptions { Boosters = [new(7, 5, 100, 0.1)] });
}
