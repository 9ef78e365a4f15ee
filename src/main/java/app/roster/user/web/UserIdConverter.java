package app.roster.user.web;

import app.roster.user.UserId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {id}} in a path as a {@link UserId}; a malformed one answers 404, like a missing one. */
@Component
class UserIdConverter implements Converter<String, UserId> {

    @Override
    public UserId convert(String source) {
        return UserId.parse(source);
    }
}
