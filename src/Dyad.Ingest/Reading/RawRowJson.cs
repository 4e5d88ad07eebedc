using System.Text.Json.Serialization;

namespace Dyad.Ingest.Reading;

/// <summary>Source-generated JSON for verbatim rows that have no text of their own (spreadsheet cells).</summary>
[JsonSerializable(typeof(string?[]))]
internal sealed partial class RawRowJson : JsonSerializerContext;
