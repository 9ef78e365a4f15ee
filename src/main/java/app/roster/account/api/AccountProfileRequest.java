package app.roster.account.api;

import app.roster.account.AccountProfile;
import app.roster.account.AccountProfileForm;
import app.roster.account.IsoCountry;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account's whole profile, with the limits of the pages' form ({@link AccountProfileForm}); an absent optional
 * field is cleared. Public so that creating an account (in the admin module) takes the same fields.
 */
@Schema(name = "AccountProfile")
public record AccountProfileRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
        @Schema(example = "Acme Hosting", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
        @Schema(example = "Acme Ltd") String companyName,
        @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
        @Schema(example = "1 High Street") String address1,
        @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
        @Schema(example = "Unit 4") String address2,
        @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
        @Schema(example = "London") String city,
        @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
        @Schema(example = "Greater London") String region,
        @Size(max = 20) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
        @Schema(example = "EC1A 1AA") String postcode,
        @IsoCountry
        @Schema(description = "ISO 3166-1 alpha-2", example = "GB") String country,
        @Size(max = 40) @Pattern(regexp = "[0-9+().\\s-]*", message = "{account.phone.invalid}")
        @Schema(example = "+44 20 7946 0000") String phone,
        @Size(max = 60) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
        @Schema(example = "GB123456789") String taxId) {

    /** No control, bidi or zero-width characters, as in the form. */
    static final String PRINTABLE = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";

    /** Cleaned as the form cleans it: blanks are absent, the country upper case. */
    public AccountProfile toProfile() {
        AccountProfileForm form = AccountProfileForm.of(new AccountProfile(name, companyName, address1, address2,
                city, region, postcode, country, phone, taxId));
        return form.toProfile();
    }
}
