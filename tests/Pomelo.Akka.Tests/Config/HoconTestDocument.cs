using Pomelo.Akka.Config;

namespace Pomelo.Akka.Tests.Config;

/// <summary>Runs the whole HOCON pipeline on text, with an injected (by default empty) environment.</summary>
internal static class HoconTestDocument
{
    public const string FileName = "test.conf";

    public static IDictionary<string, string?> Load(string text, Func<string, string?>? environment = null, string? directory = null) =>
        HoconDocumentLoader.LoadFlattened(text, Options(environment, directory));

    public static HoconParseException Fails(string text, Func<string, string?>? environment = null, string? directory = null) =>
        Assert.Throws<HoconParseException>(() => Load(text, environment, directory));

    public static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }

    private static HoconLoadOptions Options(Func<string, string?>? environment, string? directory) =>
        new(FileName, directory ?? Directory.GetCurrentDirectory(), FullPath: null, environment ?? (_ => null));
}
