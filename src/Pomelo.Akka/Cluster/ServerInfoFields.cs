namespace Pomelo.Akka.Cluster;

/// <summary>The fields of a server info that maps and members use (<see cref="ServerInfoReader.ReadFields"/>).</summary>
/// <param name="Id">Its id, when a string.</param>
/// <param name="ServerType">Its server type, when a string.</param>
/// <param name="Host">Its host, when a string.</param>
/// <param name="Port">Its port, when a 32-bit number.</param>
/// <param name="Incarnation">Its incarnation, 0 when absent or not a number.</param>
internal readonly record struct ServerInfoFields(string? Id, string? ServerType, string? Host, int? Port, long Incarnation);
