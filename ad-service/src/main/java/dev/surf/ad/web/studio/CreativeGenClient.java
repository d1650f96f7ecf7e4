package dev.surf.ad.web.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surf.ad.web.Problem;
import dev.surf.ad.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Opens creative-gen's streaming generation endpoint (POST /api/v1/generations, Server-Sent Events). */
@ApplicationScoped
public class CreativeGenClient {
    private static final Logger LOG = Logger.getLogger(CreativeGenClient.class);
    private final URI endpoint;
    private final Duration firstByteTimeout;
    private final HttpClient http;
    private final ObjectMapper json;

    public CreativeGenClient(@ConfigProperty(name = "surf.creative-gen.url") String baseUrl,
            @ConfigProperty(name = "surf.creative-gen.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "surf.creative-gen.response-timeout") Duration firstByteTimeout, ObjectMapper json) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/generations");
        this.firstByteTimeout = firstByteTimeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** One server-sent event: its name and its data (JSON text). */
    public record Event(String name, String data) {
    }

    /** An open stream; read events until null, close to cancel generation. */
    public static final class Stream implements AutoCloseable {
        private final InputStream body;
        private final BufferedReader reader;

        Stream(InputStream body) {
            this.body = body;
            this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        /** The next event, or null at the end of the stream. */
        public Event next() throws IOException {
            String name = "message";
            StringBuilder data = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data != null) {
                        return new Event(name, data.toString());
                    }
                    name = "message";
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String d = line.substring(5);
                    d = d.startsWith(" ") ? d.substring(1) : d;
                    data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
                }
            }
            return data == null ? null : new Event(name, data.toString());
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is how a cancelled stream stops; nothing to do
            }
        }
    }

    /**
     * Starts a generation. Failures before the stream opens become problems: creative-gen's own 4xx
     * as a 422 with its reasons, unreachable or 5xx as a 503.
     */
    public Stream open(Map<String, Object> request) {
        HttpResponse<InputStream> response;
        try {
            HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(firstByteTimeout)
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))).build();
            response = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            LOG.warnf("creative-gen at %s is unreachable: %s", endpoint, e.toString());
            throw unavailable("the creative generator is unreachable; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while contacting the creative generator");
        }
        int status = response.statusCode();
        if (status == 200) {
            return new Stream(response.body());
        }
        String detail = readDetail(response.body());
        if (status >= 400 && status < 500) {
            throw new ProblemException(Problem.of(422, "validation", "Invalid brief", detail, List.of()));
        }
        throw unavailable(detail.isBlank() ? "the creative generator answered " + status : detail);
    }

    private String readDetail(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(16_384);
            var node = json.readTree(bytes);
            StringBuilder out = new StringBuilder(node.path("detail").asText(""));
            node.path("errors").forEach(e -> out.append(out.isEmpty() ? "" : "; ").append(e.isTextual() ? e.asText() : e.toString()));
            return out.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "generator-unavailable", "Creative generator unavailable", detail, List.of()));
    }
}
