using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Readiness.Tests.Support;

/// <summary>One webhook delivery as the receiver saw it.</summary>
internal sealed record ReceivedHook(string Path, string Id, string Timestamp, string Signature, string Body, DateTime At, int AnsweredWith)
{
    /// <summary>Whether one of the signatures is v1 HMAC-SHA256 over "id.timestamp.body" with <paramref name="secret"/> (Standard Webhooks), computed here.</summary>
    public bool SignedWith(string secret)
    {
        var key = secret.StartsWith("whsec_", StringComparison.Ordinal) ? Convert.FromBase64String(secret["whsec_".Length..]) : Encoding.UTF8.GetBytes(secret);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Contains(expected)
            && Math.Abs(long.Parse(Timestamp, CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow.ToUnixTimeSeconds()) < 300;
    }
}

/// <summary>
/// A webhook receiver on 127.0.0.1 that records every request. Under <c>/down/</c> it always answers 500; under
/// <c>/flaky/</c> it answers 500 to the first two tries of a message and 204 to the next; elsewhere 204.
/// </summary>
internal sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ReceivedHook> received = new();
    private readonly ConcurrentDictionary<string, int> tries = new();
    private readonly Task serving;

    public LoopbackReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        probe.Stop();
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<ReceivedHook> Received => [.. received];

    /// <summary>Waits until <paramref name="count"/> requests match <paramref name="match"/>; fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<ReceivedHook>> WaitForAsync(Func<ReceivedHook, bool> match, int count = 1, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var found = received.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new AssertionException($"no {count} matching deliveries within {seconds} s; received: {string.Join(" | ", received.Select(r => $"{r.Path} {r.Body}"))}");
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var path = context.Request.Url!.AbsolutePath;
            var id = context.Request.Headers["webhook-id"] ?? "";
            var attempt = tries.AddOrUpdate($"{path} {id}", 1, (_, n) => n + 1);
            var status = path.StartsWith("/down/", StringComparison.Ordinal) || (path.StartsWith("/flaky/", StringComparison.Ordinal) && attempt <= 2) ? 500 : 204;
            received.Enqueue(new ReceivedHook(path, id, context.Request.Headers["webhook-timestamp"] ?? "", context.Request.Headers["webhook-signature"] ?? "",
                body, DateTime.UtcNow, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
