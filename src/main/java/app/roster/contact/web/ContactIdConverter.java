package app.roster.contact.web;

import app.roster.contact.ContactId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {id}} in a path as a {@link ContactId}; a malformed one answers 404, like a missing one. */
@Component
class ContactIdConverter implements Converter<String, ContactId> {

    @Override
    public ContactId convert(String source) {
        return ContactId.parse(source);
    }
}
