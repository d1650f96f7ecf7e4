package dev.surf.ad.tracking;

/** Why a tracking token was refused; the reason is the metric tag. */
public class TokenRejected extends Exception {
    private final String reason;

    public TokenRejected(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
