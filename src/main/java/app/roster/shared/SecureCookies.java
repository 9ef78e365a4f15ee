package app.roster.shared;

/**
 * Whether every cookie Roster sets must be {@code Secure}: served over HTTPS, possibly behind a TLS proxy where
 * the request itself looks like plain HTTP. The shell decides it (WebSettings); features that set a cookie of
 * their own follow it.
 */
public record SecureCookies(boolean required) {
}
