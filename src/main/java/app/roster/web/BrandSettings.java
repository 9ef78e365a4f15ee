package app.roster.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The host's brand as configured ({@code roster.brand.*}, {@code ROSTER_BRAND_…}); {@link app.roster.shared.Brand}
 * checks it at start.
 *
 * @param logoUrl      ROSTER_BRAND_LOGO_URL
 * @param primaryColor ROSTER_BRAND_PRIMARY_COLOR
 * @param faviconUrl   ROSTER_BRAND_FAVICON_URL
 * @param supportUrl   ROSTER_SUPPORT_URL
 * @param footerLinks  ROSTER_FOOTER_LINKS, {@code Label|URL,Label|URL}
 */
@ConfigurationProperties("roster.brand")
record BrandSettings(String logoUrl, String primaryColor, String faviconUrl, String supportUrl, String footerLinks) {
}
