using System.CommandLine;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Node.Cli;
using Pomelo.Akka.Node.Commands;

// First, before any socket: completions on the epoll thread (one thread hop less per frame; see SocketCompletions).
SocketCompletions.PreferInline();

var root = new RootCommand("pomelo-akka: a pomelo-compatible cluster admin node (master, server) and admin client.");
root.Subcommands.Add(StartCommand.Create());
root.Subcommands.Add(StartCommand.CreateMaster());
root.Subcommands.Add(ServerCommand.Create());
var console = CliEnvironment.FromConsole();
CliApp.AddTo(root, console);
return await CliApp.InvokeAsync(root, args, console);
