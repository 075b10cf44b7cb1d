package app.scimconsole.directory;

import app.scimconsole.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link FilterSqlDifferentialTest} on PostgreSQL: the same generated users and filters, the PostgreSQL
 * dialect's SQL (jsonb, strpos, PostgreSQL's lower()), the same reference evaluator.
 */
class FilterSqlDifferentialPostgresTest extends FilterSqlDifferentialTest {
    @BeforeAll
    static void open() {
        directory = PostgresDirectory.open(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void close() {
        directory.close();
    }
}
