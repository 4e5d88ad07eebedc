using Dyad.Events;
using Dyad.Ingest.Acled;
using Dyad.Ingest.Formats;
using Dyad.Ingest.Gtd;
using Dyad.Ingest.Mapping;
using Dyad.Ingest.Reading;
using Dyad.Ingest.Ucdp;

namespace Dyad.Ingest;

/// <summary>
/// One input file, opened and recognised: its format from the header, its rows as a stream of outcomes, each an event
/// or a rejection with its reason. Nothing is dropped: every row that is read comes out as one or the other.
/// </summary>
/// <example>
/// <code>
/// using var file = EventFile.Open("globalterrorismdb_2021Jan-June_1222dist.xlsx");
/// foreach (var outcome in file.ReadRows(ct)) { … }
/// </code>
/// </example>
public sealed class EventFile : IDisposable
{
    private readonly ISourceReader _reader;
    private readonly EventMapper _mapper;

    private EventFile(ISourceReader reader, SourceFormat format, EventMapper mapper)
    {
        _reader = reader;
        Format = format;
        _mapper = mapper;
    }

    /// <summary>Opens <paramref name="path"/> and recognises its format, or forces the family given.</summary>
    /// <exception cref="DyadException">BadInput: no such file, an empty file, an unknown header, a damaged workbook, a missing essential column.</exception>
    public static EventFile Open(string path, FormatFamily? family = null)
    {
        var reader = SourceReaders.Open(path);
        try
        {
            if (reader.Columns.Count == 0 || reader.Columns.All(string.IsNullOrEmpty))
            {
                throw DyadException.BadInput($"{path}: the file is empty; Dyad expects a header row and then one event per row.", path, 1);
            }

            if (LooksBinary(reader.Columns))
            {
                throw SourceReaders.NotText(path);
            }

            var format = FormatDetector.Detect(reader.Columns, family)
                ?? throw DyadException.BadInput(
                    $"{path}: the header is not one Dyad knows. GTD files have iyear and gname; ACLED files event_id_cnty or event_date and actor1; " +
                    $"UCDP GED files id, side_a and date_start; an analyst's records record_id, event_date and source. This file's columns begin: {string.Join(", ", reader.Columns.Take(12))}. " +
                    "If it is one of these under other names, import it with 'dyad import --format gtd|acled|ucdp'.",
                    path, 1);
            CheckDuplicateColumns(path, reader.Columns);
            var columns = new ColumnSet(reader.Columns);
            EventMapper mapper = format switch
            {
                SourceFormat.Gtd => new GtdMapper(columns, path),
                SourceFormat.Acled => new AcledMapper(columns, path),
                SourceFormat.UcdpGed => new UcdpGedMapper(columns, path),
                SourceFormat.UcdpNonState => UcdpConflictYearMapper.NonState(columns, path),
                SourceFormat.UcdpOneSided => UcdpConflictYearMapper.OneSided(columns, path),
                SourceFormat.UcdpBattleDeaths => UcdpConflictYearMapper.BattleDeaths(columns, path),
                SourceFormat.AnalystRecords => new Analyst.AnalystRecordMapper(columns, path),
                SourceFormat.DyadExport => new DyadExport.DyadExportMapper(columns, path),
                _ => throw new InvalidOperationException($"No mapper for {format}."),
            };
            return new EventFile(reader, format, mapper);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public string Path => _reader.Path;

    public SourceFormat Format { get; }

    /// <summary>The dataset the events belong to (see <see cref="Datasets"/>).</summary>
    public string Dataset => _mapper.Dataset;

    /// <summary>The header, as read.</summary>
    public IReadOnlyList<string> Columns => _reader.Columns;

    /// <summary>How far through the file reading is, from 0 to 1.</summary>
    public double Progress => _reader.Progress;

    /// <summary>What the user should know about the file: fields it lacks, text repaired, codes not understood. Complete once the rows are read.</summary>
    public IReadOnlyList<string> Warnings => [.. _mapper.Warnings(), .. _reader.Warnings];

    /// <summary>Every data row of the file, in order, as an event or a rejection. Enumerate once.</summary>
    public IEnumerable<RowOutcome> ReadRows(CancellationToken cancellationToken = default)
    {
        var fields = new RowFields(_reader);
        while (_reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var raw = _reader.RawRow();
            if (_reader.RowProblem is { } problem)
            {
                yield return new RejectedRow(_reader.RowNumber, null, null, problem, raw);
                continue;
            }

            RowOutcome outcome;
            try
            {
                outcome = new MappedRow(_mapper.Map(fields, new RowProvenance(_reader.RowNumber, raw)));
            }
            catch (RowRejection rejection)
            {
                outcome = new RejectedRow(_reader.RowNumber, rejection.Column, rejection.Value, rejection.Reason, raw);
            }

            yield return outcome;
        }
    }

    /// <summary>A header with control characters or undecodable bytes in it: a binary file (a PDF, an archive, an image) read as text.</summary>
    private static bool LooksBinary(IReadOnlyList<string> columns) =>
        columns.Any(c => c.Any(ch => ch == '\uFFFD' || (char.IsControl(ch) && ch is not '\t' and not '\r' and not '\n')));

    private static void CheckDuplicateColumns(string path, IReadOnlyList<string> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            if (column.Length > 0 && !seen.Add(column))
            {
                throw DyadException.BadInput($"{path}: the header names the column '{column}' twice; Dyad cannot tell which one to read.", path, 1, column);
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
