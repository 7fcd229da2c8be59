using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>One entry recorded by <see cref="ListLogger{T}"/>: level, event id, formatted message and structured values.</summary>
public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> Values);
