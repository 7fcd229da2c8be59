namespace Pomelo.Akka.Config;

/// <summary>An <c>include "file"</c>, <c>include file("file")</c> or <c>include required(...)</c> directive.</summary>
/// <param name="FileName">The file name as written, relative to the including file's directory.</param>
/// <param name="Required">Whether a missing file is an error.</param>
/// <param name="Position">Where the <c>include</c> keyword is.</param>
internal sealed record HoconInclude(string FileName, bool Required, HoconPosition Position) : HoconMember(Position);
