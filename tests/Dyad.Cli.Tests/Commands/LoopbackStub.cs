using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dyad.Cli.Tests.Commands;

/// <summary>An HTTP server on loopback standing in for a dataset's API: subclasses answer each request.</summary>
internal abstract class LoopbackStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    protected LoopbackStub()
    {
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(Serve);
    }

    /// <summary>The server's address, ending in '/'.</summary>
    public string Url { get; }

    protected abstract void Answer(HttpListenerContext context);

    protected static void Reply(HttpListenerResponse response, int status, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Answer(context);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
