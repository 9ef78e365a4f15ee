package app.roster.oidc.api;

import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.oidc.OidcClient;
import app.roster.oidc.RegisterClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Applications (OpenID Connect clients) registered by the platform's own systems, as an Administrator would. */
@RestController
@Tag(name = "Applications", description = "OpenID Connect clients: applications that sign users in through Roster")
class ApplicationsApiController {

    private final RegisterClient register;

    ApplicationsApiController(RegisterClient register) {
        this.register = register;
    }

    @Schema(name = "NewApplication")
    record ApplicationRequest(@NotBlank @Size(max = 100) @Schema(example = "Billing") String name,
            @Schema(description = "Confidential (a server, with a secret) or public (a browser or mobile app, PKCE only); "
                    + "false when left out",
                    example = "true") Boolean confidential,
            @Schema(description = "First-party: no consent screen", example = "true") Boolean firstParty,
            @Size(max = 500) @Schema(example = "https://billing.example.com/logo.png") String logoUri,
            @Size(max = 20) @Schema(example = "[\"https://billing.example.com/login/oauth2/code/roster\"]")
            List<@Size(max = 500) String> redirectUris,
            @Size(max = 20) @Schema(example = "[\"https://billing.example.com/\"]")
            List<@Size(max = 500) String> postLogoutRedirectUris,
            @Size(max = 500) @Schema(example = "https://billing.example.com/logout/connect/back-channel/roster")
            String backChannelLogoutUri,
            @Size(max = 5) @Schema(description = "Among openid, profile, email, account, accounts",
                    example = "[\"openid\", \"profile\", \"email\", \"account\"]") List<String> scopes,
            @Schema(description = "Allow the client credentials grant (confidential clients only)", example = "false")
            Boolean clientCredentials,
            @Size(max = 50) @Schema(description = "Permissions the tokens may carry; none: every one the user holds",
                    example = "[\"invoices\", \"tickets\"]") List<@Size(max = 50) String> permissions) {

        RegisterClient.NewClient toNewClient() {
            return new RegisterClient.NewClient(name, Boolean.TRUE.equals(confidential), Boolean.TRUE.equals(firstParty),
                    logoUri, set(redirectUris), set(postLogoutRedirectUris), backChannelLogoutUri, set(scopes),
                    Boolean.TRUE.equals(clientCredentials), set(permissions));
        }

        private static Set<String> set(List<String> values) {
            return values == null ? Set.of() : new java.util.LinkedHashSet<>(values);
        }
    }

    @Schema(name = "RegisteredApplication")
    record ApplicationResponse(@Schema(example = "roster_ci_4f0c2a9d1e7b8c6a5f3d") String clientId,
            @Schema(description = "The client secret, shown this once; null for a public client",
                    example = "roster_cs_Qm9vZ2llV29vZ2llQm9vZ2llV29vZ2llQm9vZ2ll") String clientSecret,
            @Schema(example = "Billing") String name, boolean confidential, boolean firstParty,
            Set<String> redirectUris, Set<String> scopes, Set<String> grantTypes) {

        static ApplicationResponse of(RegisterClient.Registered registered) {
            OidcClient client = registered.client();
            return new ApplicationResponse(client.clientId(), registered.secret(), client.name(), client.confidential(),
                    client.firstParty(), client.redirectUris(), client.scopes(), client.grantTypes());
        }
    }

    @PostMapping(path = "/api/v1/applications", consumes = "application/json", produces = "application/json")
    @RequiresScope(Scope.APPLICATIONS_WRITE)
    @Operation(summary = "Register an application", description = """
            An application that signs users in through Roster (OpenID Connect). A confidential one gets a \
            `roster_cs_…` secret, in this answer only (Roster keeps its hash); a public one none, and must use \
            PKCE. Redirect URIs are matched exactly; https only, http on localhost. Send an `Idempotency-Key`: a \
            retry answers the first response again and registers nothing twice. Administrator-level: a platform API \
            key only. Audited.""")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "422", description = "A name, scope, URI or permission that cannot be registered")
    ResponseEntity<ApplicationResponse> register(ApiCaller caller, @Valid @RequestBody ApplicationRequest request) {
        RegisterClient.Registered registered = register.register(caller.actor(), request.toNewClient());
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(ApplicationResponse.of(registered));
    }
}
