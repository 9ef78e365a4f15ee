package app.roster.oidc;

import app.roster.user.User;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;

/** The standard claims (OpenID Connect Core 5.1) a user's scopes release: profile and email. */
final class UserClaims {

    private UserClaims() {
    }

    static Map<String, Object> of(User user, Set<String> scopes) {
        Map<String, Object> claims = new java.util.HashMap<>();
        if (scopes.contains(OidcScopes.PROFILE)) {
            claims.put(StandardClaimNames.NAME, user.fullName());
            claims.put(StandardClaimNames.GIVEN_NAME, user.firstName());
            claims.put(StandardClaimNames.FAMILY_NAME, user.lastName());
            claims.put(StandardClaimNames.LOCALE, user.language().locale().toLanguageTag());
        }
        if (scopes.contains(OidcScopes.EMAIL)) {
            claims.put(StandardClaimNames.EMAIL, user.email().value());
            claims.put(StandardClaimNames.EMAIL_VERIFIED, user.emailVerified());
        }
        return claims;
    }
}
