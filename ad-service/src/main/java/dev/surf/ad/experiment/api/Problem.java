package dev.surf.ad.experiment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.surf.ad.experiment.ProblemException.FieldError;
import java.util.List;

/** RFC 9457 problem details, with the invalid fields as the extension member "errors". */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
