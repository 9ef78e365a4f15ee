package app.roster.credential.web;

import app.roster.credential.ApiKeyId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {id}} in a path as a {@link ApiKeyId}; a malformed one answers 404, like a missing one. */
@Component
class ApiKeyIdConverter implements Converter<String, ApiKeyId> {

    @Override
    public ApiKeyId convert(String source) {
        return ApiKeyId.parse(source);
    }
}
