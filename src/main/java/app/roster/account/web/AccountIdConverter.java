package app.roster.account.web;

import app.roster.account.AccountId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {id}} in a path as a {@link AccountId}; a malformed one answers 404, like a missing one. */
@Component
class AccountIdConverter implements Converter<String, AccountId> {

    @Override
    public AccountId convert(String source) {
        return AccountId.parse(source);
    }
}
