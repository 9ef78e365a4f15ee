package app.roster.credential.web;

import app.roster.account.AccountNames;
import app.roster.credential.CredentialStatus;
import app.roster.credential.PersonalToken;
import app.roster.membership.Permission;
import app.roster.membership.PermissionCatalogue;
import app.roster.user.User;
import app.roster.user.Users;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Personal access tokens as the lists show them: account name, user, permission labels, status. */
@Component
class TokenRows {

    /** One token in a list. */
    record TokenRow(PersonalToken token, String accountName, String userEmail, List<String> permissions,
            CredentialStatus status) {

        public boolean active() {
            return status == CredentialStatus.ACTIVE;
        }
    }

    private final AccountNames accountNames;
    private final Users users;
    private final PermissionCatalogue catalogue;
    private final MessageSource messages;
    private final Clock clock;

    TokenRows(AccountNames accountNames, Users users, PermissionCatalogue catalogue, MessageSource messages,
            Clock clock) {
        this.accountNames = accountNames;
        this.users = users;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock;
    }

    List<TokenRow> of(List<PersonalToken> tokens, Locale locale) {
        Map<Long, String> names = accountNames.of(tokens.stream().map(PersonalToken::accountId).distinct().toList());
        Map<Long, String> emails = users.findAllById(tokens.stream().map(PersonalToken::userId).distinct().toList())
                .stream().collect(Collectors.toMap(User::id, user -> user.email().value()));
        return tokens.stream().map(token -> new TokenRow(token, names.getOrDefault(token.accountId(), ""),
                emails.getOrDefault(token.userId(), ""), labels(token.permissions(), locale),
                token.status(clock.instant()))).toList();
    }

    /** Labels in catalogue order; keys the catalogue no longer has are left out (they grant nothing). */
    List<String> labels(Collection<String> keys, Locale locale) {
        return catalogue.all().stream().filter(permission -> keys.contains(permission.key()))
                .map(permission -> label(permission, locale)).toList();
    }

    /** The permissions the user may put on a token here: those they hold, labelled. */
    Map<String, String> grantable(Collection<String> held, Locale locale) {
        return catalogue.all().stream().filter(permission -> held.contains(permission.key()))
                .collect(Collectors.toMap(Permission::key, permission -> label(permission, locale), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private String label(Permission permission, Locale locale) {
        return permission.builtIn() ? messages.getMessage(permission.messageKey(), null, permission.key(), locale)
                : permission.customLabel(locale);
    }

}
