package dev.surf.ad.tracking;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads one parameter of a beacon's query string. Beacons carry one or two parameters (a base64url
 * token, a number), so this finds the one asked for instead of decoding the whole query into a map
 * as Vert.x's getParam does for every request; a value is percent-decoded only when it has to be.
 */
final class BeaconQuery {
    private BeaconQuery() {
    }

    /** The first value of {@code name}, "" when it has no value, null when absent; malformed escapes are an IllegalArgumentException. */
    static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        int n = name.length();
        for (int i = 0; i < query.length(); ) {
            int amp = query.indexOf('&', i);
            int end = amp < 0 ? query.length() : amp;
            if (query.startsWith(name, i) && (i + n == end || query.charAt(i + n) == '=')) {
                String raw = i + n == end ? "" : query.substring(i + n + 1, end);
                return raw.indexOf('%') < 0 && raw.indexOf('+') < 0 ? raw : URLDecoder.decode(raw, StandardCharsets.UTF_8);
            }
            i = end + 1;
        }
        return null;
    }
}
