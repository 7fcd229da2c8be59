using System.CommandLine;
using Pomelo.Akka.Node.Commands;

var root = new RootCommand("pomelo-akka: a pomelo-compatible cluster admin node (master, server) and admin client.");
root.Subcommands.Add(StartCommand.Create());
root.Subcommands.Add(StartCommand.CreateMaster());
root.Subcommands.Add(ServerCommand.Create());
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
