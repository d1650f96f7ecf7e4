package dev.surf.ad.web;

import io.quarkus.panache.common.Parameters;

/**
 * A Panache query that always starts scoped to one advertiser, plus optional equality filters:
 * a null value adds no condition. Every tenant-owned list goes through it, so none can forget the scope.
 */
public final class TenantFilter {
    private final StringBuilder query = new StringBuilder("advertiserId = :adv");
    private final Parameters params;

    private TenantFilter(long advertiserId) {
        this.params = Parameters.with("adv", advertiserId);
    }

    public static TenantFilter of(long advertiserId) {
        return new TenantFilter(advertiserId);
    }

    /** Adds {@code field = value} when value is not null. */
    public TenantFilter eq(String field, Object value) {
        return value == null ? this : where(field + " = :" + field, field, value);
    }

    /** Adds a condition with one named parameter. */
    public TenantFilter where(String condition, String param, Object value) {
        query.append(" and ").append(condition);
        params.and(param, value);
        return this;
    }

    public String query() {
        return query.toString();
    }

    public Parameters params() {
        return params;
    }
}
