package dev.strata.sample.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.strata.sample.items.Item;
import dev.strata.sample.items.ItemDraft;
import dev.strata.sample.items.ItemStore;
import dev.strata.sample.items.Page;
import dev.strata.sample.items.StoreHealth;

import io.opentelemetry.api.trace.Tracer;

/** Items in PostgreSQL, through the pooled {@link Database}; every statement gets a span. */
public final class JdbcItemStore implements ItemStore {

    private static final String COLUMNS = "id, name, description, created_at, updated_at";
    private static final String INSERT = "INSERT INTO items (name, description, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?) RETURNING " + COLUMNS;
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM items WHERE id = ?";
    private static final String SELECT_PAGE = "SELECT " + COLUMNS + ", count(*) OVER () AS total "
            + "FROM items ORDER BY id LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT count(*) FROM items";
    private static final String UPDATE = "UPDATE items SET name = ?, description = ?, updated_at = ? "
            + "WHERE id = ? RETURNING " + COLUMNS;
    private static final String DELETE = "DELETE FROM items WHERE id = ?";

    private final Database database;
    private final DbSpans spans;
    private final Clock clock;

    public JdbcItemStore(Database database, Tracer tracer, Clock clock) {
        this.database = database;
        this.spans = new DbSpans(tracer, database.settings().jdbcUrl());
        this.clock = clock;
    }

    @Override
    public Item create(ItemDraft draft) {
        Instant now = clock.instant();
        return execute("INSERT", INSERT, statement -> {
            statement.setString(1, draft.name());
            setDescription(statement, 2, draft);
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return item(rs);
            }
        });
    }

    @Override
    public Optional<Item> find(long id) {
        return execute("SELECT", SELECT_ONE, statement -> {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public Page list(int limit, long offset) {
        return execute("SELECT", SELECT_PAGE, statement -> {
            statement.setInt(1, limit);
            statement.setLong(2, offset);
            List<Item> items = new ArrayList<>();
            long total = -1;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs));
                    total = rs.getLong("total");
                }
            }
            if (total < 0) {
                total = count(statement.getConnection());
            }
            return new Page(items, limit, offset, total);
        });
    }

    private long count(Connection connection) throws SQLException {
        return spans.call("SELECT", "items", COUNT, () -> {
            try (PreparedStatement statement = connection.prepareStatement(COUNT);
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Optional<Item> update(long id, ItemDraft draft) {
        return execute("UPDATE", UPDATE, statement -> {
            statement.setString(1, draft.name());
            setDescription(statement, 2, draft);
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            statement.setLong(4, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return execute("DELETE", DELETE, statement -> {
            statement.setLong(1, id);
            return statement.executeUpdate() == 1;
        });
    }

    @Override
    public StoreHealth health() {
        return database.health();
    }

    @Override
    public void close() {
        database.close();
    }

    private <T> T execute(String operation, String sql, StatementCall<T> call) {
        try (Connection connection = database.connection()) {
            return spans.call(operation, "items", sql, () -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    return call.run(statement);
                }
            });
        } catch (SQLException e) {
            throw database.failed(e);
        }
    }

    private static void setDescription(PreparedStatement statement, int index, ItemDraft draft) throws SQLException {
        if (draft.description().isPresent()) {
            statement.setString(index, draft.description().get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("id"), rs.getString("name"), Optional.ofNullable(rs.getString("description")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    @FunctionalInterface
    private interface StatementCall<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
