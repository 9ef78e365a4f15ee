package app.roster.account.api;

import app.roster.account.FindAccounts;
import app.roster.api.ApiRepresentations;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An account in webhook payloads, as {@code GET /api/v1/accounts/{id}} answers it. */
@Component
class AccountRepresentation implements ApiRepresentations.OfAccount {

    private final FindAccounts accounts;

    AccountRepresentation(FindAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Object> account(long accountId) {
        return accounts.read(accountId).map(AccountResponse::of);
    }
}
