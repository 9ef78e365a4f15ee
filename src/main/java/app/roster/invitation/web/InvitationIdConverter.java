package app.roster.invitation.web;

import app.roster.invitation.InvitationId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {id}} in a path as a {@link InvitationId}; a malformed one answers 404, like a missing one. */
@Component
class InvitationIdConverter implements Converter<String, InvitationId> {

    @Override
    public InvitationId convert(String source) {
        return InvitationId.parse(source);
    }
}
