package app.roster.web;

import app.roster.shared.Brand;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The host's primary colour as Bootstrap's custom properties, served as a stylesheet: the CSP allows no inline
 * style. The layouts link it only when a colour is set; without one it is empty.
 */
@Controller
class BrandStylesheetController {

    static final String PATH = "/css/brand.css";

    private final String css;

    BrandStylesheetController(Brand brand) {
        this.css = brand.primaryColor() == null ? "" : css(brand);
    }

    @GetMapping(PATH)
    ResponseEntity<String> stylesheet() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(css);
    }

    private static String css(Brand brand) {
        String c = brand.primaryColor();
        String rgb = brand.primaryRgb();
        String dark = brand.primaryDarker();
        return """
                /* The host's primary colour (ROSTER_BRAND_PRIMARY_COLOR). */
                :root, [data-bs-theme] { --bs-primary: %1$s; --bs-primary-rgb: %2$s; --bs-link-color: %1$s;
                  --bs-link-color-rgb: %2$s; --bs-link-hover-color: %3$s; --roster-brand: %1$s; }
                .btn-primary { --bs-btn-bg: %1$s; --bs-btn-border-color: %1$s; --bs-btn-hover-bg: %3$s;
                  --bs-btn-hover-border-color: %3$s; --bs-btn-active-bg: %3$s; --bs-btn-active-border-color: %3$s;
                  --bs-btn-disabled-bg: %1$s; --bs-btn-disabled-border-color: %1$s; --bs-btn-focus-shadow-rgb: %2$s; }
                .btn-outline-primary { --bs-btn-color: %1$s; --bs-btn-border-color: %1$s; --bs-btn-hover-bg: %1$s;
                  --bs-btn-hover-border-color: %1$s; --bs-btn-active-bg: %3$s; --bs-btn-active-border-color: %3$s;
                  --bs-btn-disabled-color: %1$s; --bs-btn-disabled-border-color: %1$s; --bs-btn-focus-shadow-rgb: %2$s; }
                .form-check-input:checked { background-color: %1$s; border-color: %1$s; }
                .form-control:focus, .form-select:focus, .form-check-input:focus { border-color: %1$s;
                  box-shadow: 0 0 0 .25rem rgba(%2$s, .25); }
                """.formatted(c, rgb, dark);
    }
}
