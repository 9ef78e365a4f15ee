package app.roster.credential.web;

import app.roster.credential.TokenId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {id}} in a path as a {@link TokenId}; a malformed one answers 404, like a missing one. */
@Component
class TokenIdConverter implements Converter<String, TokenId> {

    @Override
    public TokenId convert(String source) {
        return TokenId.parse(source);
    }
}
