using Pomelo.Akka.Bench.Floor;
using Pomelo.Akka.Bench.Micro;
using Pomelo.Akka.Bench.Nodes;
using Pomelo.Akka.Bench.Orchestration;
using Pomelo.Akka.Bench.Wire;
using Pomelo.Akka.Hosting;

// Pomelo.Akka.Bench <verb> [--options]
//   run     --side ours|pomelo [--quick]      every scenario against one side, results as JSON (the orchestrator)
//   table   --pomelo a.json --ours b.json     the Markdown comparison table of two runs (--check: fail on missing numbers)
//   master  --port P                          our master with the bench modules (a child of run)
//   monitors --port P --count N               N of our monitors in this process (a child of run)
//   client  --port P --scenario list          our admin client timing list requests (a child of run)
//   micro   [BenchmarkDotNet args]            codec and envelope micro-benchmarks
//   floor   [--sizes 10,100,500,2000]         what the machine allows: round trip and fan-out over plain sockets
//   floor-peer --port P --count N             the far side of floor (a child of floor)
if (args.Length == 0)
{
    System.Console.Error.WriteLine("usage: Pomelo.Akka.Bench run|table|master|monitors|client|micro|floor [--options]; see bench/README.md");
    return 2;
}

// As the node does (src/Pomelo.Akka.Node/Program.cs), so the bench measures our processes as they ship; the run
// verb's children inherit it.
SocketCompletions.PreferInline();

var verb = args[0];
var rest = args[1..];
try
{
    return verb switch
    {
        "run" => await RunVerb.RunAsync(new Args(rest)),
        "table" => TableVerb.Run(new Args(rest)),
        "master" => await MasterVerb.RunAsync(new Args(rest)),
        "monitors" => await MonitorsVerb.RunAsync(new Args(rest)),
        "client" => await ClientVerb.RunAsync(new Args(rest)),
        "micro" => MicroVerb.Run(rest),
        "floor" => await FloorVerb.RunAsync(new Args(rest)),
        "floor-peer" => await FloorPeer.RunAsync(new Args(rest)),
        _ => throw new ArgumentException("unknown verb " + verb),
    };
}
catch (ArgumentException ex)
{
    System.Console.Error.WriteLine(ex.Message);
    return 2;
}
