package dev.surf.ad.account;

/**
 * The security roles every Surf endpoint is written against. Use them in {@code @RolesAllowed}
 * and in {@code @TestSecurity(user = "<advertiser id>", roles = Roles.ADVERTISER)}.
 */
public final class Roles {
    /** A caller acting for one advertiser; the identity carries that advertiser's id. */
    public static final String ADVERTISER = "advertiser";
    /** Surf's own staff and services (A/B console, model registry, creative review). */
    public static final String INTERNAL = "internal";

    /** SecurityIdentity attribute holding the advertiser id (a Long) of an advertiser caller. */
    public static final String ADVERTISER_ID_ATTRIBUTE = "surf.advertiser-id";
    /** SecurityIdentity attribute holding the visible prefix of the API key used. */
    public static final String KEY_PREFIX_ATTRIBUTE = "surf.key-prefix";

    private Roles() {
    }
}
