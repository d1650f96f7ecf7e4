package dev.surf.ad.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surf.ad.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Experiments, variants, layers and decisions in PostgreSQL (plain JDBC inside the caller's transaction). */
@ApplicationScoped
public class ExperimentRepository {
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            select e.id, e.key, e.name, e.hypothesis, e.target_kind, l.name as layer, e.traffic_percent, e.salt,
                   e.status, e.primary_metric, e.guardrail_metrics, e.slice_start, e.slice_end, e.started_at,
                   e.stopped_at, e.created_at, e.updated_at, e.version
            from ad.experiment e join ad.experiment_layer l on l.id = e.layer_id
            """;

    /** A layer and the salt its users are hashed with. */
    public record Layer(long id, String name, String salt) {
    }

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public ExperimentRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A random salt: fixed once stored, so assignment is stable across restarts and replicas. */
    public static String newSalt() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public Layer upsertLayer(String name) {
        return query("""
                insert into ad.experiment_layer (name, salt) values (?, ?)
                on conflict (name) do update set name = excluded.name
                returning id, name, salt""", ps -> {
            ps.setString(1, name);
            ps.setString(2, newSalt());
        }, rs -> new Layer(rs.getLong(1), rs.getString(2), rs.getString(3))).getFirst();
    }

    /** Locks the layer row: slice allocation in one layer is serialised across replicas. */
    public void lockLayer(long layerId) {
        query("select id from ad.experiment_layer where id = ? for update", ps -> ps.setLong(1, layerId), rs -> rs.getLong(1));
    }

    public long insert(ExperimentDraft d, long layerId, String salt) {
        try {
            long id = query("""
                    insert into ad.experiment (key, name, hypothesis, target_kind, layer_id, traffic_percent, salt,
                                               primary_metric, guardrail_metrics)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", ps -> {
                ps.setString(1, d.key());
                bindDefinition(ps, 2, d, layerId);
                ps.setString(7, salt);
                ps.setString(8, d.primaryMetric().name());
                ps.setArray(9, metrics(ps.getConnection(), d.guardrailMetrics()));
            }, rs -> rs.getLong(1)).getFirst();
            insertVariants(id, d.variants());
            return id;
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw ProblemException.conflict("an experiment with key " + d.key() + " already exists");
            }
            throw e;
        }
    }

    /** Replaces the definition of a draft (the key and salt stay). */
    public void update(long id, ExperimentDraft d, long layerId) {
        execute("""
                update ad.experiment set name = ?, hypothesis = ?, target_kind = ?, layer_id = ?, traffic_percent = ?,
                       primary_metric = ?, guardrail_metrics = ?, updated_at = now(), version = version + 1
                where id = ?""", ps -> {
            bindDefinition(ps, 1, d, layerId);
            ps.setString(6, d.primaryMetric().name());
            ps.setArray(7, metrics(ps.getConnection(), d.guardrailMetrics()));
            ps.setLong(8, id);
        });
        execute("delete from ad.experiment_variant where experiment_id = ?", ps -> ps.setLong(1, id));
        insertVariants(id, d.variants());
    }

    private static void bindDefinition(PreparedStatement ps, int first, ExperimentDraft d, long layerId) throws SQLException {
        ps.setString(first, d.name());
        ps.setString(first + 1, d.hypothesis() == null ? "" : d.hypothesis());
        ps.setString(first + 2, d.targetKind().name());
        ps.setLong(first + 3, layerId);
        ps.setInt(first + 4, d.trafficPercent());
    }

    private static Array metrics(Connection c, List<Metric> metrics) throws SQLException {
        List<Metric> m = metrics == null ? List.of() : metrics;
        return c.createArrayOf("text", m.stream().map(Enum::name).distinct().toArray());
    }

    private void insertVariants(long id, List<Variant> variants) {
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            int position = i;
            execute("""
                    insert into ad.experiment_variant (experiment_id, position, key, name, allocation_percent, is_control, params)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb)""", ps -> {
                ps.setLong(1, id);
                ps.setInt(2, position);
                ps.setString(3, v.key());
                ps.setString(4, v.name() == null ? "" : v.name());
                ps.setInt(5, v.allocationPercent());
                ps.setBoolean(6, v.control());
                ps.setString(7, toJson(v.params()));
            });
        }
    }

    public Optional<Experiment> find(long id) {
        return findWhere("e.id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
    }

    /** Locks the experiment row for a state change. */
    public Optional<Experiment> findForUpdate(long id) {
        query("select id from ad.experiment where id = ? for update", ps -> ps.setLong(1, id), rs -> rs.getLong(1));
        return find(id);
    }

    public List<Experiment> list(ExperimentStatus status, int offset, int limit) {
        String where = status == null ? "true" : "e.status = ?";
        return findWhere(where + " order by e.id desc offset ? limit ?", ps -> {
            int i = 1;
            if (status != null) {
                ps.setString(i++, status.name());
            }
            ps.setInt(i++, offset);
            ps.setInt(i, limit);
        });
    }

    public long count(ExperimentStatus status) {
        return query(status == null ? "select count(*) from ad.experiment" : "select count(*) from ad.experiment where status = ?",
                ps -> {
                    if (status != null) {
                        ps.setString(1, status.name());
                    }
                }, rs -> rs.getLong(1)).getFirst();
    }

    public List<Experiment> findRunning() {
        return findWhere("e.status = 'RUNNING' order by e.id", ps -> {
        });
    }

    public List<Experiment> findByKeys(List<String> keys) {
        return findWhere("e.key = any(?)", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", keys.toArray())));
    }

    /** Layer salt of each running experiment's layer, by layer name. */
    public List<Layer> layersOfRunning() {
        return query("""
                select distinct l.id, l.name, l.salt from ad.experiment_layer l
                join ad.experiment e on e.layer_id = l.id where e.status = 'RUNNING'""", ps -> {
        }, rs -> new Layer(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** [start, end) bucket slices held by running experiments of a layer. */
    public List<int[]> runningSlices(long layerId) {
        return query("""
                select slice_start, slice_end from ad.experiment
                where layer_id = ? and status = 'RUNNING' order by slice_start""", ps -> ps.setLong(1, layerId),
                rs -> new int[] {rs.getInt(1), rs.getInt(2)});
    }

    public long layerIdOf(long experimentId) {
        return query("select layer_id from ad.experiment where id = ?", ps -> ps.setLong(1, experimentId), rs -> rs.getLong(1)).getFirst();
    }

    public void markRunning(long id, int sliceStart, int sliceEnd) {
        execute("""
                update ad.experiment set status = 'RUNNING', slice_start = ?, slice_end = ?, started_at = now(),
                       updated_at = now(), version = version + 1 where id = ?""", ps -> {
            ps.setInt(1, sliceStart);
            ps.setInt(2, sliceEnd);
            ps.setLong(3, id);
        });
    }

    public void markStopped(long id) {
        execute("""
                update ad.experiment set status = 'STOPPED', stopped_at = now(), updated_at = now(), version = version + 1
                where id = ?""", ps -> ps.setLong(1, id));
    }

    public void delete(long id) {
        execute("delete from ad.experiment where id = ?", ps -> ps.setLong(1, id));
    }

    public void insertDecision(long experimentId, DecisionKind decision, String variantKey, String reason, String who) {
        execute("""
                insert into ad.experiment_decision (experiment_id, decision, variant_key, reason, decided_by)
                values (?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, experimentId);
            ps.setString(2, decision.name());
            ps.setString(3, variantKey);
            ps.setString(4, reason == null ? "" : reason);
            ps.setString(5, who);
        });
    }

    private List<Experiment> findWhere(String where, Jdbc.Binder binder) {
        List<Experiment> heads = query(SELECT + " where " + where, binder, this::head);
        List<Experiment> full = new ArrayList<>(heads.size());
        for (Experiment e : heads) {
            List<Variant> variants = query("""
                    select key, name, allocation_percent, is_control, params::text from ad.experiment_variant
                    where experiment_id = ? order by position""", ps -> ps.setLong(1, e.id()),
                    rs -> new Variant(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), fromJson(rs.getString(5))));
            List<Decision> decisions = query("""
                    select id, decision, variant_key, reason, decided_by, decided_at from ad.experiment_decision
                    where experiment_id = ? order by id""", ps -> ps.setLong(1, e.id()),
                    rs -> new Decision(rs.getLong(1), DecisionKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6))));
            full.add(new Experiment(e.id(), e.key(), e.name(), e.hypothesis(), e.targetKind(), e.layer(), e.trafficPercent(),
                    e.salt(), e.status(), e.primaryMetric(), e.guardrailMetrics(), e.sliceStart(), e.sliceEnd(), e.startedAt(),
                    e.stoppedAt(), e.createdAt(), e.updatedAt(), e.version(), variants, decisions));
        }
        return full;
    }

    private Experiment head(ResultSet rs) throws SQLException {
        List<Metric> guardrails = new ArrayList<>();
        for (Object m : (Object[]) rs.getArray("guardrail_metrics").getArray()) {
            guardrails.add(Metric.valueOf((String) m));
        }
        return new Experiment(rs.getLong("id"), rs.getString("key"), rs.getString("name"), rs.getString("hypothesis"),
                TargetKind.valueOf(rs.getString("target_kind")), rs.getString("layer"), rs.getInt("traffic_percent"),
                rs.getString("salt"), ExperimentStatus.valueOf(rs.getString("status")),
                Metric.valueOf(rs.getString("primary_metric")), guardrails,
                (Integer) rs.getObject("slice_start"), (Integer) rs.getObject("slice_end"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("stopped_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getLong("version"),
                List.of(), List.of());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String toJson(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String s) {
        try {
            return json.readValue(s, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored variant params are not a string map: " + s, e);
        }
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowMapper<T> mapper) {
        return jdbc.query(sql, binder, mapper);
    }

    private int execute(String sql, Jdbc.Binder binder) {
        return jdbc.execute(sql, binder);
    }
}
