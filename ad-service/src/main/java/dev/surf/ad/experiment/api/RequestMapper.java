package dev.surf.ad.experiment.api;

import dev.surf.ad.experiment.DecisionKind;
import dev.surf.ad.experiment.ExperimentDraft;
import dev.surf.ad.experiment.ExperimentStatus;
import dev.surf.ad.experiment.Metric;
import dev.surf.ad.experiment.TargetKind;
import dev.surf.ad.experiment.Variant;
import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Request bodies and query parameters to domain values; unparseable values become field errors. */
final class RequestMapper {
    private RequestMapper() {
    }

    static ExperimentDraft toDraft(ExperimentRequest r) {
        if (r == null) {
            throw ProblemException.badRequest(null, "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        TargetKind target = parse(TargetKind.class, r.targetKind(), "targetKind", errors);
        Metric primary = parse(Metric.class, r.primaryMetric(), "primaryMetric", errors);
        List<Metric> guardrails = new ArrayList<>();
        if (r.guardrailMetrics() != null) {
            for (int i = 0; i < r.guardrailMetrics().size(); i++) {
                Metric m = parse(Metric.class, r.guardrailMetrics().get(i), "guardrailMetrics[" + i + "]", errors);
                if (m != null) {
                    guardrails.add(m);
                }
            }
        }
        List<Variant> variants = null;
        if (r.variants() != null) {
            variants = new ArrayList<>();
            for (var v : r.variants()) {
                variants.add(v == null ? null : new Variant(v.key(), v.name(),
                        v.allocationPercent() == null ? 0 : v.allocationPercent(), Boolean.TRUE.equals(v.control()),
                        v.params() == null ? Map.of() : v.params()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ExperimentDraft(r.key(), r.name(), r.hypothesis(), target, r.layer(),
                r.trafficPercent() == null ? 100 : r.trafficPercent(), primary, guardrails, variants);
    }

    static DecisionKind decision(DecisionRequest r) {
        if (r == null) {
            throw ProblemException.badRequest(null, "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        DecisionKind d = parse(DecisionKind.class, r.decision(), "decision", errors);
        if (d == null) {
            if (errors.isEmpty()) {
                errors.add(new FieldError("decision", "required: one of SHIP, STOP, EXTEND"));
            }
            throw ProblemException.invalid(errors);
        }
        return d;
    }

    static ExperimentStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ExperimentStatus.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(null, "status must be one of DRAFT, RUNNING, STOPPED");
        }
    }

    static int intParam(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(null, name + " must be an integer between " + min + " and " + max);
    }

    static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(null, "experiment id must be a positive integer");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null; // the validator reports required fields
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "unknown value " + value + "; one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }
}
