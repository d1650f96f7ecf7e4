package dev.surf.ad.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** OpenAPI metadata: API keys go in 'Authorization: Bearer <key>' (or 'X-Api-Key'). */
@OpenAPIDefinition(info = @Info(title = "Surf campaign API", version = "v1",
        description = "Campaigns, ad sets, creatives, API keys and the audit trail. Errors are RFC 9457 problem+json. "
                + "Lists take page (from 0) and size (1-200, default 50)."))
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
            description = "An API key: Authorization: Bearer surf_xxxxxxxxxxxx_..."),
    @SecurityScheme(securitySchemeName = "apiKeyHeader", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
            apiKeyName = "X-Api-Key")
})
public class ApiDefinition extends Application {
}
