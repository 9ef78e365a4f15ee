package app.roster.account.api;

import app.roster.account.AccountId;

import app.roster.account.AllowedDomains;
import app.roster.account.DomainRule;
import app.roster.account.FindAccounts;
import app.roster.account.RestrictDomains;
import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Rule 6 for the API: the email domains an account may invite. */
@RestController
@Tag(name = "Accounts")
class AllowedDomainsApiController {

    private final FindAccounts find;
    private final RestrictDomains restrict;

    AllowedDomainsApiController(FindAccounts find, RestrictDomains restrict) {
        this.find = find;
        this.restrict = restrict;
    }

    @Schema(name = "AllowedDomains")
    record AllowedDomainsBody(@NotNull @Size(max = AllowedDomains.MAX_RULES)
            @ArraySchema(arraySchema = @Schema(description = """
                    `example.com`, or `*.example.com` for the domain and its subdomains; empty: any address""",
                    example = "[\"acme.example\", \"*.acme.example.org\"]"))
            List<@NotBlank @Size(max = 255) String> domains) {

        static AllowedDomainsBody of(AllowedDomains domains) {
            return new AllowedDomainsBody(domains.rules().stream().map(DomainRule::toString).toList());
        }

        /** An invalid domain is refused on its own field, {@code domains[2]}. */
        AllowedDomains toDomains() {
            List<DomainRule> rules = new ArrayList<>();
            for (int i = 0; i < domains.size(); i++) {
                try {
                    rules.add(DomainRule.parse(domains.get(i)));
                } catch (InvalidEmailAddressException invalid) {
                    throw new Refusal(Refusal.Kind.INVALID, "domains.invalid", "domains[" + i + "]",
                            domains.get(i).strip());
                }
            }
            return new AllowedDomains(rules);
        }
    }

    @GetMapping(path = "/api/v1/accounts/{accountId}/allowed-domains", produces = "application/json")
    @RequiresScope(Scope.ACCOUNTS_READ)
    @Operation(summary = "An account's allowed email domains", description = """
            Only addresses in these domains can be invited, and whoever accepts needs a verified address in one \
            of them; an empty list allows any address. A platform API key reads any account, a personal access \
            token its own (with the `profile` permission).""")
    @ApiResponse(responseCode = "200", description = "The domains")
    AllowedDomainsBody domains(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId) {
        return AllowedDomainsBody.of(find.allowedDomains(caller.actor(), accountId.value()));
    }

    @PutMapping(path = "/api/v1/accounts/{accountId}/allowed-domains", consumes = "application/json",
            produces = "application/json")
    @RequiresScope(Scope.ACCOUNTS_WRITE)
    @Operation(summary = "Replace an account's allowed email domains", description = """
            At most 100; the same domain twice is kept once, the wider rule winning; an empty list lifts the \
            restriction. Pending invitations are not touched. Audited before and after. A platform API key sets \
            any account's; a personal access token only its own, and only with every permission (the owner's).""")
    @ApiResponse(responseCode = "200", description = "The domains as they are now")
    @ApiResponse(responseCode = "400", description = "No list, more than 100, or a blank entry")
    @ApiResponse(responseCode = "422", description = "An entry that is not a domain (`errors` names it)")
    AllowedDomainsBody restrict(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Valid @RequestBody AllowedDomainsBody request) {
        restrict.restrict(caller.actor(), accountId.value(), request.toDomains());
        return AllowedDomainsBody.of(find.allowedDomains(caller.actor(), accountId.value()));
    }
}
