using System.Globalization;

namespace Pomelo.Akka.Bench.Wire;

/// <summary>A tiny <c>--key value</c> / <c>--flag</c> parser; the verb is the first argument.</summary>
public sealed class Args
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public Args(IEnumerable<string> args)
    {
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (key is not null)
                {
                    _values[key] = null;
                }

                key = arg[2..];
            }
            else if (key is not null)
            {
                _values[key] = arg;
                key = null;
            }
            else
            {
                throw new ArgumentException("unexpected argument: " + arg);
            }
        }

        if (key is not null)
        {
            _values[key] = null;
        }
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string Str(string key, string fallback) => _values.TryGetValue(key, out var v) && v is not null ? v : fallback;

    public string? Str(string key) => _values.TryGetValue(key, out var v) ? v : null;

    public int Int(string key, int fallback) => _values.TryGetValue(key, out var v) && v is not null ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public int Int(string key) => int.Parse(Str(key) ?? throw new ArgumentException("--" + key + " is required"), CultureInfo.InvariantCulture);
}
