using Dyad.Cli;
using Dyad.Cli.Hosting;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C asks the running import to stop and roll back; a second one ends the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await DyadCli.RunAsync(args, CliOutput.ForProcess(), cancellation.Token);
