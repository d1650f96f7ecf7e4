package dev.surf.ad.account;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a key create: a label to tell keys apart. */
public record ApiKeyInput(@Size(max = 100) @Schema(example = "reporting script") String name) {
}
