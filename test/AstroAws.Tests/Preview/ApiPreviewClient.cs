using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Astro.Aws.Tests.Preview;

/// <summary>A WebSocket client of the preview that trusts exactly the preview's certificate.</summary>
internal static class ApiPreviewClient
{
    public static async Task<ClientWebSocket> Connect(PreviewServer server, int port, string path = "/")
    {
        var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.CertificateFile));
        var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri($"wss://127.0.0.1:{port}{path}"), timeout.Token);
        return socket;
    }

    public static async Task Send(ClientWebSocket socket, string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public static async Task<string> Receive(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
