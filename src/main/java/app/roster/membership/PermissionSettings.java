package app.roster.membership;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operators' additions to the permission catalogue, and named presets.
 *
 * @param custom  extra permissions, each with a key, an English label and optional translations
 * @param presets a name (as shown) to the permission keys it grants; {@code *} means every permission
 */
@ConfigurationProperties("roster.permissions")
public record PermissionSettings(@DefaultValue List<Custom> custom, @DefaultValue Map<String, List<String>> presets) {

    /** An operator's own permission. */
    public record Custom(String key, String label, @DefaultValue Map<String, String> labels) {
    }
}
