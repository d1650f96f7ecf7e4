package dev.surf.ad.experiment;

import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an experiment definition; every problem is reported at once, per field. */
public final class ExperimentValidator {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern CREATIVE_IDS = Pattern.compile("[1-9][0-9]{0,18}(,[1-9][0-9]{0,18})*");
    private static final int MAX_VARIANTS = 10;

    private ExperimentValidator() {
    }

    public static void validate(ExperimentDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.key() == null || !KEY.matcher(d.key()).matches()) {
            errors.add(new FieldError("key", "1-63 characters: lower-case letters, digits, '-' and '_', starting with a letter or digit"));
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
            errors.add(new FieldError("name", "required, at most 200 characters"));
        }
        if (d.hypothesis() != null && d.hypothesis().length() > 2000) {
            errors.add(new FieldError("hypothesis", "at most 2000 characters"));
        }
        if (d.targetKind() == null) {
            errors.add(new FieldError("targetKind", "required: one of RANKING_MODEL_VERSION, RESERVE_PRICE, CREATIVE_SET"));
        }
        if (d.layer() == null || !KEY.matcher(d.layer()).matches()) {
            errors.add(new FieldError("layer", "required: 1-63 characters, lower-case letters, digits, '-' and '_'"));
        }
        if (d.trafficPercent() < 1 || d.trafficPercent() > 100) {
            errors.add(new FieldError("trafficPercent", "between 1 and 100"));
        }
        if (d.primaryMetric() == null) {
            errors.add(new FieldError("primaryMetric", "required: one of CLICK_RATE, CONVERSION_RATE, SPEND_PER_USER"));
        }
        if (d.guardrailMetrics() != null && d.guardrailMetrics().stream().anyMatch(m -> m == null)) {
            errors.add(new FieldError("guardrailMetrics", "unknown metric"));
        }
        validateVariants(d, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void validateVariants(ExperimentDraft d, List<FieldError> errors) {
        List<Variant> variants = d.variants();
        if (variants == null || variants.size() < 2 || variants.size() > MAX_VARIANTS) {
            errors.add(new FieldError("variants", "between 2 and " + MAX_VARIANTS + " variants"));
            return;
        }
        int sum = 0;
        int controls = 0;
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String f = "variants[" + i + "]";
            if (v == null) {
                errors.add(new FieldError(f, "required"));
                continue;
            }
            if (v.key() == null || !KEY.matcher(v.key()).matches()) {
                errors.add(new FieldError(f + ".key", "1-63 characters: lower-case letters, digits, '-' and '_'"));
            } else if (!keys.add(v.key())) {
                errors.add(new FieldError(f + ".key", "duplicate variant key " + v.key()));
            }
            if (v.name() != null && v.name().length() > 200) {
                errors.add(new FieldError(f + ".name", "at most 200 characters"));
            }
            if (v.allocationPercent() < 1 || v.allocationPercent() > 99) {
                errors.add(new FieldError(f + ".allocationPercent", "between 1 and 99"));
            }
            sum += v.allocationPercent();
            controls += v.control() ? 1 : 0;
            if (d.targetKind() != null) {
                validateParams(d.targetKind(), v.params(), f + ".params", errors);
            }
        }
        if (sum != 100) {
            errors.add(new FieldError("variants", "allocation percentages must sum to 100, got " + sum));
        }
        if (controls != 1) {
            errors.add(new FieldError("variants", "exactly one variant must be the control, got " + controls));
        }
    }

    private static void validateParams(TargetKind kind, Map<String, String> params, String field, List<FieldError> errors) {
        for (String required : kind.requiredParams()) {
            String value = params.get(required);
            if (value == null || value.isBlank()) {
                errors.add(new FieldError(field + "." + required, "required for " + kind));
            }
        }
        for (var e : params.entrySet()) {
            if (!kind.requiredParams().contains(e.getKey())) {
                errors.add(new FieldError(field + "." + e.getKey(), "not a parameter of " + kind));
            } else if (e.getValue() != null && e.getValue().length() > 500) {
                errors.add(new FieldError(field + "." + e.getKey(), "at most 500 characters"));
            }
        }
        String reserve = params.get("reservePriceMicros");
        if (kind == TargetKind.RESERVE_PRICE && reserve != null && !reserve.isBlank()) {
            try {
                if (Long.parseLong(reserve) < 0) {
                    errors.add(new FieldError(field + ".reservePriceMicros", "must be >= 0"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(field + ".reservePriceMicros", "must be an integer number of micros"));
            }
        }
        String creatives = params.get("creativeIds");
        if (kind == TargetKind.CREATIVE_SET && creatives != null && !creatives.isBlank()
                && !CREATIVE_IDS.matcher(creatives).matches()) {
            errors.add(new FieldError(field + ".creativeIds", "comma-separated positive creative ids"));
        }
    }
}
