package app.roster.user.api;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies that create and change users, with the Admin Area forms' limits. */
final class UserRequests {

    static final String PRINTABLE = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String LANGUAGE = "en|fr|de";

    private UserRequests() {
    }

    @Schema(name = "CreateUser")
    record CreateUserRequest(
            @NotBlank @Size(max = EmailAddress.MAX_LENGTH)
            @Schema(example = "ada@acme.example", requiredMode = Schema.RequiredMode.REQUIRED) String email,
            @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
            @Schema(example = "Ada", requiredMode = Schema.RequiredMode.REQUIRED) String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
            @Schema(example = "Lovelace", requiredMode = Schema.RequiredMode.REQUIRED) String lastName,
            @Pattern(regexp = LANGUAGE, message = "{profile.language.invalid}")
            @Schema(description = "en (the default), fr or de", example = "en") String language) {

        EmailAddress emailAddress() {
            return EmailAddress.of(email);
        }

        Language lang() {
            return language == null ? Language.EN : Language.fromCode(language).orElseThrow();
        }
    }

    @Schema(name = "UpdateUser", description = "Only the fields sent change")
    record UpdateUserRequest(
            @Size(max = EmailAddress.MAX_LENGTH) @Pattern(regexp = NOT_BLANK)
            @Schema(description = "A new address: the user must verify it, and the old one is told",
                    example = "ada.lovelace@acme.example") String email,
            @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}") @Pattern(regexp = NOT_BLANK)
            @Schema(example = "Ada") String firstName,
            @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}") @Pattern(regexp = NOT_BLANK)
            @Schema(example = "Lovelace") String lastName,
            @Pattern(regexp = LANGUAGE, message = "{profile.language.invalid}") @Schema(example = "fr")
            String language) {

        boolean changesProfile() {
            return firstName != null || lastName != null || language != null;
        }

        EmailAddress emailAddress() {
            return EmailAddress.of(email);
        }
    }
}
