package dev.surf.ranking.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ranking.model_version table. Status changes run in one transaction under a per-name advisory lock. */
@ApplicationScoped
public class ModelRepository {
    private static final String COLUMNS =
            "name, version, status, source, sha256, size_bytes, metrics::text, created_at, promoted_at, rolled_back_at";
    private final AgroalDataSource ds;
    private final ObjectMapper json;

    public ModelRepository(AgroalDataSource ds, ObjectMapper json) {
        this.ds = ds;
        this.json = json;
    }

    @Transactional
    public List<ModelVersionInfo> list(String name) {
        return query("select " + COLUMNS + " from ranking.model_version where name = ? order by version desc", name);
    }

    @Transactional
    public Optional<ModelVersionInfo> find(String name, long version) {
        return query("select " + COLUMNS + " from ranking.model_version where name = ? and version = ?", name, version).stream().findFirst();
    }

    @Transactional
    public Optional<ModelVersionInfo> live(String name) {
        return query("select " + COLUMNS + " from ranking.model_version where name = ? and status = 'live'", name).stream().findFirst();
    }

    @Transactional
    public Optional<byte[]> bytes(String name, long version) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select onnx from ranking.model_version where name = ? and version = ?")) {
            ps.setString(1, name);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a new version (next number for the name) with the given status. */
    @Transactional
    public ModelVersionInfo insert(String name, byte[] onnx, String sha256, Map<String, Double> metrics, String source, String status) {
        try (Connection c = ds.getConnection()) {
            lock(c, name);
            long version;
            try (PreparedStatement ps = c.prepareStatement("select coalesce(max(version), 0) + 1 from ranking.model_version where name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ranking.model_version (name, version, status, source, onnx, sha256, "
                    + "size_bytes, metrics, promoted_at) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, case when ? = 'live' then now() end)")) {
                ps.setString(1, name);
                ps.setLong(2, version);
                ps.setString(3, status);
                ps.setString(4, source);
                ps.setBytes(5, onnx);
                ps.setString(6, sha256);
                ps.setInt(7, onnx.length);
                ps.setString(8, json.writeValueAsString(metrics));
                ps.setString(9, status);
                ps.executeUpdate();
            }
            return find(c, name, version).orElseThrow();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers {@code onnx} as the live version only when the name has no version at all (fresh stack). */
    @Transactional
    public Optional<ModelVersionInfo> insertFirstLive(String name, byte[] onnx, String sha256, String source) {
        try (Connection c = ds.getConnection()) {
            lock(c, name);
            try (PreparedStatement ps = c.prepareStatement("select 1 from ranking.model_version where name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(insert(name, onnx, sha256, Map.of(), source, "live"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes {@code version} live and retires the one that was. Empty when the version does not exist. */
    @Transactional
    public Optional<ModelVersionInfo> promote(String name, long version) {
        try (Connection c = ds.getConnection()) {
            lock(c, name);
            if (find(c, name, version).isEmpty()) {
                return Optional.empty();
            }
            update(c, "update ranking.model_version set status = 'retired' where name = ? and status = 'live' and version <> ?", name, version);
            update(c, "update ranking.model_version set status = 'live', promoted_at = now(), rolled_back_at = null "
                    + "where name = ? and version = ? and status <> 'live'", name, version);
            return find(c, name, version);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Retires the live version and makes the version that was live before it live again. Empty when
     * there is no earlier live version to return to (the live one stays).
     */
    @Transactional
    public Optional<ModelVersionInfo> rollback(String name) {
        try (Connection c = ds.getConnection()) {
            lock(c, name);
            List<ModelVersionInfo> live = query(c, "select " + COLUMNS + " from ranking.model_version where name = ? and status = 'live'", name);
            if (live.isEmpty()) {
                return Optional.empty();
            }
            ModelVersionInfo current = live.getFirst();
            List<ModelVersionInfo> previous = query(c, "select " + COLUMNS + " from ranking.model_version where name = ? and status = 'retired' "
                    + "and promoted_at is not null and rolled_back_at is null and promoted_at <= ? "
                    + "order by promoted_at desc, version desc limit 1", name, current.promotedAt());
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            long target = previous.getFirst().version();
            update(c, "update ranking.model_version set status = 'retired', rolled_back_at = now() where name = ? and version = ?",
                    name, current.version());
            // promoted_at stays: a second rollback walks further back instead of flip-flopping
            update(c, "update ranking.model_version set status = 'live' where name = ? and version = ?", name, target);
            return find(c, name, target);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext('ranking.model:' || ?))")) {
            ps.setString(1, name);
            ps.execute();
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private Optional<ModelVersionInfo> find(Connection c, String name, long version) throws SQLException {
        return query(c, "select " + COLUMNS + " from ranking.model_version where name = ? and version = ?", name, version).stream().findFirst();
    }

    private List<ModelVersionInfo> query(String sql, Object... args) {
        try (Connection c = ds.getConnection()) {
            return query(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ModelVersionInfo> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<ModelVersionInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ModelVersionInfo(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), metrics(rs.getString(7)), rs.getObject(8, OffsetDateTime.class),
                            rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class)));
                }
                return out;
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private Map<String, Double> metrics(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Double>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
