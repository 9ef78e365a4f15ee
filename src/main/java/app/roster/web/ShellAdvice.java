package app.roster.web;

import app.roster.shared.Brand;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Settings every page shows: the product name, the host's brand and the Terms of Service link. */
@ControllerAdvice
class ShellAdvice {

    private final WebSettings settings;
    private final Brand brand;

    ShellAdvice(WebSettings settings, Brand brand) {
        this.settings = settings;
        this.brand = brand;
    }

    @ModelAttribute("brand")
    Brand brand() {
        return brand;
    }

    @ModelAttribute("productName")
    String productName() {
        return settings.productName();
    }

    @ModelAttribute("termsUrl")
    String termsUrl() {
        return settings.termsUrl() == null ? null : settings.termsUrl().toString();
    }
}
