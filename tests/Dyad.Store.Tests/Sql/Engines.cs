using Dyad.Testing;
namespace Dyad.Store.Tests.Sql;

// Every suite of the store's behaviour, once on each engine.
public sealed class DuckDbDerivedDataTests() : DerivedDataTests(Engine.DuckDb);

public sealed class PostgresDerivedDataTests() : DerivedDataTests(Engine.Postgres);

public sealed class DuckDbImportTests() : ImportTests(Engine.DuckDb);

public sealed class PostgresImportTests() : ImportTests(Engine.Postgres);

public sealed class DuckDbPublicationTests() : PublicationTests(Engine.DuckDb);

public sealed class PostgresPublicationTests() : PublicationTests(Engine.Postgres);

public sealed class DuckDbQueryTests() : QueryTests(Engine.DuckDb);

public sealed class PostgresQueryTests() : QueryTests(Engine.Postgres);

public sealed class DuckDbReleaseTests() : ReleaseTests(Engine.DuckDb);

public sealed class PostgresReleaseTests() : ReleaseTests(Engine.Postgres);

public sealed class DuckDbRecordTests() : RecordTests(Engine.DuckDb);

public sealed class PostgresRecordTests() : RecordTests(Engine.Postgres);
