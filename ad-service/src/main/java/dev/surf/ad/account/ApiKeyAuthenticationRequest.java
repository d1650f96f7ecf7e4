package dev.surf.ad.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The raw key a caller presented, handed from the mechanism to {@link ApiKeyIdentityProvider}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
