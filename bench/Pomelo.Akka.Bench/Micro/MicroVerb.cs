namespace Pomelo.Akka.Bench.Micro;

internal static class MicroVerb
{
    public static int Run(string[] args) => 0;
}
