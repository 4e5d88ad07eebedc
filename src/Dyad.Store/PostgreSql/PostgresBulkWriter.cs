using Dyad.Store.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Dyad.Store.PostgreSql;

/// <summary>
/// PostgreSQL's binary COPY behind <see cref="BulkWriter"/>, each value written with its column's type. A connection
/// runs one COPY at a time, and an import writes three tables at once (events, rejects, raw rows): the first writer
/// streams its COPY; one made while another streams keeps its rows (the small tables) and copies them when completed.
/// </summary>
internal sealed class PostgresBulkWriter : BulkWriter
{
    private readonly PostgresCopies _copies;
    private readonly string _table;
    private readonly List<List<(object? Value, NpgsqlDbType Type)>>? _kept;
    private NpgsqlBinaryImporter? _importer;

    public PostgresBulkWriter(PostgresCopies copies, string table)
    {
        _copies = copies;
        _table = table;
        _importer = copies.TryBegin(table);
        _kept = _importer is null ? [] : null;
    }

    public override BulkWriter Row()
    {
        if (_importer is not null)
        {
            _importer.StartRow();
        }
        else
        {
            _kept!.Add([]);
        }

        return this;
    }

    public override BulkWriter Long(long value) => Write(value, NpgsqlDbType.Bigint);

    public override BulkWriter Int(int? value) => Write(value, NpgsqlDbType.Integer);

    public override BulkWriter Short(short? value) => Write(value, NpgsqlDbType.Smallint);

    public override BulkWriter Double(double? value) => Write(value, NpgsqlDbType.Double);

    public override BulkWriter Bool(bool? value) => Write(value, NpgsqlDbType.Boolean);

    public override BulkWriter Date(DateOnly value) => Write(value, NpgsqlDbType.Date);

    public override BulkWriter Text(string? value) => Write(PostgresText.Storable(value), NpgsqlDbType.Text);

    public override BulkWriter Texts(IReadOnlyList<string>? values) =>
        Write(values?.Select(PostgresText.Storable).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    public override BulkWriter Bytes(byte[] value) => Write(value, NpgsqlDbType.Bytea);

    public override void EndRow()
    {
    }

    public override void Complete()
    {
        if (_kept is not null)
        {
            _importer = _copies.TryBegin(_table) ?? throw new InvalidOperationException($"Another COPY is still writing when {_table}'s rows are copied.");
            foreach (var row in _kept)
            {
                _importer.StartRow();
                foreach (var (value, type) in row)
                {
                    WriteValue(_importer, value, type);
                }
            }
        }

        _importer?.Complete();
        Dispose();
    }

    public override void Dispose()
    {
        if (_importer is not null)
        {
            _importer.Dispose();
            _importer = null;
            _copies.End();
        }
    }

    private PostgresBulkWriter Write<T>(T value, NpgsqlDbType type)
    {
        if (_importer is not null)
        {
            WriteValue(_importer, value, type);
        }
        else
        {
            _kept![^1].Add((value, type));
        }

        return this;
    }

    private static void WriteValue<T>(NpgsqlBinaryImporter importer, T value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }
}

/// <summary>The one COPY a PostgreSQL connection may run at a time.</summary>
internal sealed class PostgresCopies(NpgsqlConnection connection)
{
    private bool _active;

    /// <summary>Begins a COPY into <paramref name="table"/>, or returns null if one is running.</summary>
    public NpgsqlBinaryImporter? TryBegin(string table)
    {
        if (_active)
        {
            return null;
        }

        var importer = connection.BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)");
        _active = true;
        return importer;
    }

    public void End() => _active = false;
}
