using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using Pomelo.Akka.Node.Commands;
using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Node.Starter;

/// <summary>
/// The command line that starts one server: this same executable with <c>server --id X</c> (and the server's fields
/// when it is not in the config file); for a host that is not this machine, the same command line run by <c>ssh host</c>.
/// </summary>
internal static class ServerCommandLine
{
    public static ProcessStartInfo Create(ServerSpec spec, string configFile, string environment, bool configured)
    {
        List<string> arguments = ["server", "--config", configFile, "--env", environment, "--id", spec.Id];
        if (!configured)
        {
            arguments.AddRange(["--type", spec.ServerType, "--host", spec.Host]);
            if (spec.Port is { } port)
            {
                arguments.AddRange(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            foreach (var (key, value) in spec.Fields.Where(f => f.Key is not ("id" or "serverType" or "host" or "port") && f.Value is not null))
            {
                arguments.AddRange(["--set", key + "=" + value]);
            }
        }

        var local = SelfCommand.Create([.. arguments]);
        if (IsLocal(spec.Host))
        {
            return local;
        }

        var remote = new ProcessStartInfo("ssh") { UseShellExecute = false };
        remote.ArgumentList.Add(spec.Host);
        remote.ArgumentList.Add(string.Join(' ', new[] { local.FileName }.Concat(local.ArgumentList).Select(Quote)));
        return remote;
    }

    public static bool IsLocal(string host)
    {
        if (host is "" or "localhost" || string.Equals(host, Dns.GetHostName(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        return IPAddress.IsLoopback(address)
            || NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Any(u => u.Address.Equals(address));
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
