package dev.surf.creative.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the reference model files live: the system property {@code surf.models.dir} when set,
 * otherwise the first {@code shared/models} folder found walking up from the working directory
 * (a checkout or worktree sits next to {@code shared/}).
 */
public final class ModelsDir {
    public static final String PROPERTY = "surf.models.dir";

    private ModelsDir() {
    }

    public static Optional<Path> find() {
        return find(Optional.ofNullable(System.getProperty(PROPERTY)));
    }

    /** Like {@link #find()}, with the configured folder given (from service config). */
    public static Optional<Path> find(Optional<String> configuredDir) {
        String configured = configuredDir.orElse(null);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured).toAbsolutePath();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("models");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file in the models folder, if both exist. */
    public static Optional<Path> file(String name) {
        return find().map(d -> d.resolve(name)).filter(Files::isRegularFile);
    }
}
