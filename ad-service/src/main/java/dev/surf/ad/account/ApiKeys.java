package dev.surf.ad.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key format: {@code surf_<12 chars prefix id>_<43 chars secret>}. The visible prefix is
 * {@code surf_<prefix id>}; the database keeps only the SHA-256 of the whole key.
 */
public final class ApiKeys {
    private static final Pattern FORMAT = Pattern.compile("^(surf_[a-z2-7]{12})_([A-Za-z0-9_-]{43})$");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public record NewKey(String prefix, String key) {
    }

    public static NewKey generate() {
        StringBuilder prefix = new StringBuilder("surf_");
        for (int i = 0; i < 12; i++) {
            prefix.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(prefix.toString(), key);
    }

    /** The visible prefix of a well-formed key, or null when the text cannot be a Surf key. */
    public static String prefixOf(String key) {
        Matcher m = FORMAT.matcher(key);
        return m.matches() ? m.group(1) : null;
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison so response timing tells nothing about a hash. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
