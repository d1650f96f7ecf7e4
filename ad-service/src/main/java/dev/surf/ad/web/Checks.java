package dev.surf.ad.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

/** Small validity checks shared by several request types. */
public final class Checks {
    private Checks() {
    }

    public static boolean isZone(String zone) {
        if (zone == null || zone.length() > 64) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
