package app.roster.mail.web;

import app.roster.mail.MessageId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {id}} in a path as a {@link MessageId}; a malformed one answers 404, like a missing one. */
@Component
class MessageIdConverter implements Converter<String, MessageId> {

    @Override
    public MessageId convert(String source) {
        return MessageId.parse(source);
    }
}
