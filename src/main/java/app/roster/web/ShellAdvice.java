package app.roster.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Settings every page shows: the product name and the Terms of Service link. */
@ControllerAdvice
class ShellAdvice {

    private final WebSettings settings;

    ShellAdvice(WebSettings settings) {
        this.settings = settings;
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
