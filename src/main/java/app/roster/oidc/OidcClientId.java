package app.roster.oidc;

import app.roster.shared.NotFound;
import app.roster.shared.TextId;
import java.util.regex.Pattern;

/** The client id of a registered application as links write it: {@code roster_ci_} and 20 hexadecimal digits. */
public record OidcClientId(String value) implements TextId {

    private static final Pattern FORM = Pattern.compile("roster_ci_[0-9a-f]{20}");

    public OidcClientId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a Roster client id: " + value);
        }
    }

    /** From a path; anything but the form Roster gives out is {@link NotFound}. */
    public static OidcClientId parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new NotFound();
        }
        return new OidcClientId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
