using Dyad.Events;

namespace Dyad.Ingest.Mapping;

/// <summary>
/// Maps the rows of one file of one dataset to events. A mapper is built for a file's header: it finds its columns
/// once, refuses a file that lacks what is essential, and notes what optional fields the file does not have.
/// </summary>
internal abstract class EventMapper
{
    private readonly SyntheticIds _syntheticIds = new();

    protected EventMapper(ColumnSet columns) => Columns = columns;

    protected ColumnSet Columns { get; }

    /// <summary>The dataset the file belongs to (see <see cref="Datasets"/>).</summary>
    public abstract string Dataset { get; }

    /// <summary>Maps the current row, or throws <see cref="RowRejection"/>.</summary>
    public abstract DyadEvent Map(RowFields row, RowProvenance provenance);

    /// <summary>Things to tell the user about the file once read: codes not understood, fields missing.</summary>
    public virtual IEnumerable<string> Warnings()
    {
        if (Columns.MissingOptional.Count > 0)
        {
            yield return $"Not in this file, so left empty: {string.Join(", ", Columns.MissingOptional)}.";
        }
    }

    /// <summary>The dataset's id from <paramref name="idColumn"/>, or a stable id made from the row where the file has none.</summary>
    protected string DatasetId(RowFields row, int idColumn, RowProvenance provenance)
    {
        if (idColumn < 0)
        {
            return _syntheticIds.Next(provenance.Raw ?? row.Reader.RawRow());
        }

        return row.Text(idColumn) ?? throw row.Reject(idColumn, "is empty; every row needs the dataset's event id");
    }

    /// <summary>Refuses the file if it lacks any essential column, naming them all at once.</summary>
    protected void Require(string path, string datasetName, params (string Field, string[] Names)[] essentials)
    {
        var missing = essentials.Where(e => Columns.Find(e.Names) < 0).Select(e => string.Join(" or ", e.Names)).ToList();
        if (missing.Count > 0)
        {
            throw DyadException.BadInput(
                $"{path}: looks like {datasetName} but lacks the column(s) Dyad needs: {string.Join("; ", missing)}. " +
                $"Its columns are: {string.Join(", ", Columns.Names.Take(40))}{(Columns.Names.Count > 40 ? ", …" : "")}.",
                path, 1, missing[0]);
        }
    }
}
