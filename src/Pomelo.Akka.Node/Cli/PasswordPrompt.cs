using System.Text;

namespace Pomelo.Akka.Node.Cli;

/// <summary>Asks for the password on the terminal without echoing it.</summary>
internal static class PasswordPrompt
{
    /// <summary>Prompts <c>Password: </c> and reads until Enter (Backspace erases); from the line reader when there is no keyboard.</summary>
    /// <param name="environment">The terminal.</param>
    /// <param name="cancellationToken">Cancels the prompt.</param>
    /// <returns>The password typed.</returns>
    public static async Task<string> ReadAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        await environment.Out.WriteAsync("Password: ").ConfigureAwait(false);
        await environment.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (environment.Keys is not { } keys)
        {
            return await environment.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        }

        var password = new StringBuilder();
        while (true)
        {
            var key = await keys.ReadKeyAsync(cancellationToken).ConfigureAwait(false);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    await environment.Out.WriteLineAsync().ConfigureAwait(false);
                    return password.ToString();
                case ConsoleKey.Backspace when password.Length > 0:
                    password.Length--;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        password.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }
}
